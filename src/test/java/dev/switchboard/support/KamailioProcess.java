package dev.switchboard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's kamailio 5.6 in the foreground (-DD -E) with a given kamailio.cfg, TZ=UTC, a private
 * runtime directory, as `nobody` when the tests run as root. Its log goes to a file a failing test
 * prints.
 */
public final class KamailioProcess implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/kamailio");

  private final Process process;
  private final Path log;
  private final int rpcPort;

  private KamailioProcess(Process process, Path log, int rpcPort) {
    this.process = process;
    this.log = log;
    this.rpcPort = rpcPort;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Writes cfg to a fresh directory, starts Kamailio and waits until its JSON-RPC answers. */
  public static KamailioProcess start(String cfg, int rpcPort) {
    try {
      Path dir = Files.createTempDirectory("switchboard-kamailio");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path cfgFile = dir.resolve("kamailio.cfg");
      Files.writeString(cfgFile, cfg);
      Path run = dir.resolve("run");
      Files.createDirectory(run);
      Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxrwxrwx"));
      Path log = dir.resolve("kamailio.log");
      List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-DD", "-E", "-f", cfgFile.toString(),
          "-Y", run.toString(), "-m", "64", "-M", "8"));
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("-u", "nobody", "-g", "nogroup"));
      }
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("TZ", "UTC");
      KamailioProcess k = new KamailioProcess(pb.start(), log, rpcPort);
      k.awaitRpc();
      return k;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start kamailio: " + e.getMessage(), e);
    }
  }

  private void awaitRpc() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("kamailio exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(rpcUrl()))
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"core.uptime\",\"id\":1}"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("uptime")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("kamailio's JSON-RPC did not answer:\n" + log());
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + rpcPort + "/RPC";
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
