package dev.switchboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener: Javalin with the faces' routes, one request log line per request (path
 * without its query string, which may hold secrets), Prometheus metrics, health, and each face's
 * error shape for the paths it owns. Stops gracefully: requests in flight finish first.
 */
public final class HttpServer {
  private static final Logger LOG = LoggerFactory.getLogger("http");

  private final Javalin app;
  private final PrometheusMeterRegistry metrics;
  private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
  /** Runs after Jetty's handlers started, just before the port opens (see {@link #start}). */
  private volatile Runnable beforeBinding = () -> {};

  public HttpServer(String host, int port, long maxRequestBytes, int graceSeconds, ObjectMapper json,
      PrometheusMeterRegistry metrics, BooleanSupplier healthy, List<Face> faces) {
    Face fallback = faces.get(0);
    this.metrics = metrics;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      // A selector per core: the fast lane answers on the selector threads (FastLane), so they do the
      // work nginx's workers do (Jetty's default, one per two cores, left a core idle).
      // Jetty keeps each connection's repeated header lines (Host, User-Agent) in a trie of this many
      // characters. An Authorization header that changes per request (a digest answer, ~330 of them)
      // filled the default 1,024 every third request, and the trie was cleared and refilled each time.
      config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(256));
      config.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, -1, Runtime.getRuntime().availableProcessors(),
            new HttpConnectionFactory(http)) {
          @Override
          public void open() throws java.io.IOException {
            if (!isOpen()) {
              beforeBinding.run();
            }
            super.open();
          }
        };
        connector.setHost(host);
        connector.setPort(port);
        return connector;
      });
      config.http.maxRequestSize = maxRequestBytes;
      config.http.prefer405over404 = true;
      // Compression is the reverse proxy's job; doing it here costs every request a wrapped stream.
      config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
      config.concurrency.useVirtualThreads = true;
      config.jsonMapper(new JavalinJackson(json, true));
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(graceSeconds * 1000L);
        server.setStopAtShutdown(false);
        // Handlers first, the port last: see start().
        server.setOpenEarly(false);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new FastLane(server.getHandler(), fastRoutes(faces), this::record));
        server.setHandler(graceful);
      });
      config.requestLogger.http((ctx, ms) -> record(() -> ctx.req().getRemoteAddr(), ctx.method().name(),
          matchedRoute(ctx), ctx.path(), ctx.statusCode(), ms));
      config.routes.get("/health", ctx -> {
        boolean up = healthy.getAsBoolean();
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .json(java.util.Map.of("status", up ? "UP" : "DOWN"));
      });
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(metrics.scrape()));
      for (Face face : faces) {
        face.routes(config.routes);
      }
      config.routes.exception(Exception.class, (e, ctx) -> faceFor(faces, fallback, ctx).renderError(e, ctx));
      // Only requests that matched no route (an unknown path, a wrong method) get the face's default body;
      // a handler's own 404 was already rendered by the face.
      config.routes.error(404, ctx -> {
        if ("unmatched".equals(matchedRoute(ctx))) {
          faceFor(faces, fallback, ctx).renderStatus(404, ctx);
        }
      });
      config.routes.error(405, ctx -> faceFor(faces, fallback, ctx).renderStatus(405, ctx));
    });
  }

  private static java.util.Map<String, FastRoute> fastRoutes(List<Face> faces) {
    java.util.Map<String, FastRoute> routes = new java.util.HashMap<>();
    for (Face face : faces) {
      routes.putAll(face.fastRoutes());
    }
    return java.util.Map.copyOf(routes);
  }

  /**
   * One log line and one timer sample per request, whichever handler answered it. The address is
   * formatted only for a log line that is written (a ping's 2 % otherwise).
   */
  private void record(java.util.function.Supplier<String> remoteAddress, String method, String route, String path,
      int status, double ms) {
    // One Timer per (method, route, status), looked up without building a meter id per request.
    timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("http.server.requests")
            .tag("method", method).tag("route", route).tag("status", Integer.toString(status)).register(metrics))
        .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
    if (LOG.isInfoEnabled()) {
      LOG.info("{} {} {} {} {}ms", remoteAddress.get(), method, path, status, Math.round(ms));
    }
  }

  private static String matchedRoute(Context ctx) {
    try {
      var endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static Face faceFor(List<Face> faces, Face fallback, Context ctx) {
    String path = ctx.path();
    for (Face face : faces) {
      if (face.owns(path)) {
        return face;
      }
    }
    return fallback;
  }

  /**
   * Starts Jetty's handlers, then runs {@code beforeBinding}, then opens the port: what it waits for
   * (the schema, the other listeners) overlaps the handlers' start, and no connection is accepted
   * before it returns. Its failure is thrown as it was, the port never opened.
   */
  public void start(Runnable beforeBinding) {
    var failed = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
    this.beforeBinding = () -> {
      try {
        beforeBinding.run();
      } catch (RuntimeException e) {
        failed.set(e);
        throw e;
      }
    };
    try {
      app.start();
    } catch (RuntimeException e) {
      throw failed.get() != null ? failed.get() : e;
    }
  }

  /** The bound port (useful when the configured port is 0). */
  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
  }
}
