package dev.switchboard.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Switchboard server started from the packaged jar on a free port, in its own data directory,
 * against a test database. Its log goes to a file that a failing test prints.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private final Process process;
  private final int httpPort;
  private final int phonedPort;
  private final int phonedTlsPort;
  private final Path workDir;
  private final Path log;
  private final Map<String, String> env;

  private ServerProcess(Process process, int httpPort, Path workDir, Path log, Map<String, String> env) {
    this.process = process;
    this.httpPort = httpPort;
    this.phonedPort = Integer.parseInt(env.get("SWITCHBOARD_PHONED_HTTP_PORT"));
    this.phonedTlsPort = Integer.parseInt(env.get("SWITCHBOARD_PHONED_HTTPS_PORT"));
    this.workDir = workDir;
    this.log = log;
    this.env = env;
  }

  /**
   * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel picked from that
   * range was once taken by an outgoing connection (of this JVM, a server, PostgreSQL) between the
   * probe and the server's bind. Never the same port twice in one test run.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = 20000 + ThreadLocalRandom.current().nextInt(12000);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException e) {
        // in use: try another
      }
    }
    throw new IllegalStateException("no free port found between 20000 and 32000");
  }

  /** A port free on both TCP and UDP of 127.0.0.1, as the SIP listener needs. */
  public static int freeSipPort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = freePort();
      try (java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException e) {
        // taken on UDP: try another
      }
    }
    throw new IllegalStateException("no port free on both TCP and UDP");
  }

  /** Starts `serve` and waits until /health answers 200. */
  public static ServerProcess start(TestDatabase db, Map<String, String> extraEnv) {
    return start(db, extraEnv, null);
  }

  /** Starts `serve -c configFile` (null: no file) and waits until /health answers 200. */
  public static ServerProcess start(TestDatabase db, Map<String, String> extraEnv, Path configFile) {
    try {
      Path workDir = Files.createTempDirectory("switchboard-server");
      int port = freePort();
      Map<String, String> env = new HashMap<>(db.env());
      env.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
      env.put("SWITCHBOARD_HTTP_PORT", Integer.toString(port));
      env.put("SWITCHBOARD_DATA_DIR", workDir.resolve("data").toString());
      env.put("SWITCHBOARD_SIP_DOMAIN", "sip.example.org");
      // Every server gets its own SIP port (UDP and TCP): the registrar is on by default.
      env.put("SWITCHBOARD_SIP_HOST", "127.0.0.1");
      env.put("SWITCHBOARD_SIP_PORT", Integer.toString(freeSipPort()));
      env.put("SWITCHBOARD_PHONED_HTTP_HOST", "127.0.0.1");
      env.put("SWITCHBOARD_PHONED_HTTP_PORT", Integer.toString(freePort()));
      env.put("SWITCHBOARD_PHONED_HTTPS_HOST", "127.0.0.1");
      env.put("SWITCHBOARD_PHONED_HTTPS_PORT", Integer.toString(freePort()));
      env.putAll(extraEnv);
      Path log = workDir.resolve("server.log");
      String[] args = configFile == null ? new String[] {"serve"} : new String[] {"serve", "-c", configFile.toString()};
      Process p = Jar.command(env, workDir, args).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      ServerProcess server = new ServerProcess(p, port, workDir, log, env);
      server.awaitHealthy();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("server did not become healthy:\n" + log());
  }

  public String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  /** A phone directory URL on the phoned HTTP listener. */
  public String phoned(String path) {
    return "http://127.0.0.1:" + phonedPort + path;
  }

  /** A phone directory URL on the phoned HTTPS listener. */
  public String phonedTls(String path) {
    return "https://127.0.0.1:" + phonedTlsPort + path;
  }

  /** The SIP port (UDP and TCP) of this server's registrar. */
  public int sipPort() {
    return Integer.parseInt(env.get("SWITCHBOARD_SIP_PORT"));
  }

  public int httpPort() {
    return httpPort;
  }

  /** The environment the server runs with: CLI commands given it act on the same store. */
  public Map<String, String> env() {
    return env;
  }

  public Path workDir() {
    return workDir;
  }

  /** Runs a CLI command of the same jar against the same configuration. */
  public Jar.Result cli(String... args) {
    return Jar.run(env, workDir, args);
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Sends SIGTERM and waits for the process to exit; returns its exit code. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("server ignored SIGTERM for 30 s:\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
