package dev.switchboard.http;

import java.nio.ByteBuffer;
import java.util.Map;
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
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    FastRoute route = "GET".equals(request.getMethod()) ? routes.get(request.getHttpURI().getPath()) : null;
    if (route == null) {
      return super.handle(request, response, callback);
    }
    long start = System.nanoTime();
    FastRoute.Answer answer;
    try {
      answer = route.answer(new Incoming(request));
    } catch (RuntimeException e) {
      // The ordinary route meets the same failure and renders it in the face's error shape.
      LOG.debug("fast route declined after {}", e.toString());
      answer = null;
    }
    if (answer == null) {
      return super.handle(request, response, callback);
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    String path = request.getHttpURI().getPath();
    recorder.record(() -> Request.getRemoteAddr(request), "GET", path, path, 200, (System.nanoTime() - start) / 1e6);
    return true;
  }

  private record Incoming(Request request) implements FastRoute.Request {
    @Override
    public String header(String name) {
      return request.getHeaders().get(name);
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
