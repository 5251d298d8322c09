package dev.switchboard.http;

import dev.switchboard.store.MemoryOnly;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's handler in front of Javalin for the few GETs that every client repeats (ping, the account,
 * its provisioning document and vCards). Profiles put half of such a request in the servlet context,
 * Javalin's context and its task pipeline; answered here, they skip it. What a fast route declines
 * goes on to Javalin unchanged.
 *
 * <p>It declares itself non-blocking, so Jetty runs it on the selector thread that read the request:
 * a fast route answered from the read caches costs no hand-off to another thread (a third of a ping's
 * time went to waking one). Everything that may wait runs on a worker: Javalin's routes, and a fast
 * route again from the start when its first, memory-only attempt needed the database ({@link MemoryOnly}).
 * An answer that waits for a write it queued is sent by the thread that completes that write.
 */
final class FastLane extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(FastLane.class);

  /** Logs and measures a request the same way the Javalin request logger does. */
  interface Recorder {
    void record(Supplier<String> remoteAddress, String method, String route, String path, int status, double ms);
  }

  private final Map<String, FastRoute> routes;
  private final Recorder recorder;

  FastLane(Handler next, Map<String, FastRoute> routes, Recorder recorder) {
    super(next);
    this.routes = routes;
    this.recorder = recorder;
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    FastRoute route = "GET".equals(request.getMethod()) ? routes.get(request.getHttpURI().getPath()) : null;
    if (route == null) {
      onWorker(() -> toJavalin(request, response, callback));
      return true;
    }
    long start = System.nanoTime();
    CompletionStage<FastRoute.Answer> answer;
    try {
      answer = MemoryOnly.run(() -> attempt(route, request));
    } catch (MemoryOnly.Miss miss) {
      onWorker(() -> respondWhenDone(attempt(route, request), request, response, callback, start));
      return true;
    }
    respondWhenDone(answer, request, response, callback, start);
    return true;
  }

  /**
   * Sends the answer once complete, or hands a declined or failed request to Javalin on a worker (which
   * answers the same request again the ordinary way, errors included).
   */
  private void respondWhenDone(CompletionStage<FastRoute.Answer> answer, Request request, Response response,
      Callback callback, long start) {
    answer.whenComplete((done, failure) -> {
      try {
        if (done == null) {
          if (failure != null) {
            LOG.debug("fast route declined after {}", failure.toString());
          }
          onWorker(() -> toJavalin(request, response, callback));
        } else {
          send(done, request, response, callback, start);
        }
      } catch (Throwable e) {
        callback.failed(e);
      }
    });
  }

  /** The route's answer; null when it declines (then Javalin answers, errors included). */
  private static CompletionStage<FastRoute.Answer> attempt(FastRoute route, Request request) {
    try {
      return route.answer(new Incoming(request));
    } catch (MemoryOnly.Miss miss) {
      throw miss;
    } catch (RuntimeException e) {
      // The ordinary route meets the same failure and renders it in the face's error shape.
      LOG.debug("fast route declined after {}", e.toString());
      return FastRoute.DECLINED;
    }
  }

  private void send(FastRoute.Answer answer, Request request, Response response, Callback callback, long start) {
    response.setStatus(answer.status());
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    for (FastRoute.Header header : answer.headers()) {
      headers.add(header.name(), header.value());
    }
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    String path = request.getHttpURI().getPath();
    recorder.record(() -> Request.getRemoteAddr(request), "GET", path, path, answer.status(),
        (System.nanoTime() - start) / 1e6);
  }

  private void toJavalin(Request request, Response response, Callback callback) {
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, 404);
      }
    } catch (Throwable e) {
      callback.failed(e);
    }
  }

  /** Runs {@code work} on Jetty's pool (a virtual thread per task), where it may wait. */
  private void onWorker(Runnable work) {
    getServer().getThreadPool().execute(work);
  }

  private record Incoming(Request request) implements FastRoute.Request {
    @Override
    public String header(String name) {
      return request.getHeaders().get(name);
    }

    @Override
    public String path() {
      return request.getHttpURI().getPath();
    }

    @Override
    public String query() {
      return request.getHttpURI().getQuery();
    }

    @Override
    public String remoteAddress() {
      return Request.getRemoteAddr(request);
    }
  }
}
