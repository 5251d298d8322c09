package dev.switchboard.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server standing in for a gateway (SMS, push): records every request and answers 200,
 * or 500 when the body contains "fail".
 */
public final class Recorder implements AutoCloseable {
  /** A request as the gateway received it. */
  public record Request(String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();

  public Recorder() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          Map.copyOf(exchange.getRequestHeaders()), body));
      int status = body.contains("fail") ? 500 : 200;
      byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next request received, waiting up to {@code timeout}; fails when none came. */
  public Request take(Duration timeout) {
    try {
      Request r = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (r == null) {
        throw new AssertionError("no request reached the recorder within " + timeout);
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Drops what was recorded so far. */
  public void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
