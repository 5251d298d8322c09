package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The port opens only after what start() waits for (the schema, the other listeners), never on its failure. */
class HttpServerStartTest {
  private static final Face PLAIN = new Face() {
    @Override
    public boolean owns(String path) {
      return true;
    }

    @Override
    public void routes(RoutesConfig routes) {}

    @Override
    public void renderError(Exception e, Context ctx) {
      ctx.status(500);
    }

    @Override
    public void renderStatus(int status, Context ctx) {
      ctx.status(status);
    }
  };

  private static HttpServer server(int port) {
    return new HttpServer("127.0.0.1", port, 65_536, 0, new ObjectMapper(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, List.of(PLAIN));
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void the_port_opens_once_before_binding_returns() throws Exception {
    int port = ServerProcess.freePort();
    HttpServer http = server(port);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> started = CompletableFuture.runAsync(() -> http.start(() -> {
      waiting.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }));
    try {
      waiting.await();
      assertThat(accepts(port)).isFalse();
      release.countDown();
      started.join();
      assertThat(Http.get("http://127.0.0.1:" + port + "/health").status()).isEqualTo(200);
    } finally {
      release.countDown();
      http.stop();
    }
  }

  @Test
  void a_failure_before_binding_is_thrown_as_it_was_and_no_port_opens() {
    int port = ServerProcess.freePort();
    HttpServer http = server(port);
    IllegalStateException failure = new IllegalStateException("schema refused");
    assertThatThrownBy(() -> http.start(() -> {
      throw failure;
    })).isSameAs(failure);
    assertThat(accepts(port)).isFalse();
  }
}
