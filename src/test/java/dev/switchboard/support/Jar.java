package dev.switchboard.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar exactly as an operator would: `java -jar target/switchboard.jar …`. */
public final class Jar {
  private Jar() {}

  /** What a finished command printed, and its exit code. */
  public record Result(int exitCode, String stdout, String stderr) {}

  public static Path path() {
    String configured = System.getProperty("switchboard.jar");
    Path jar = Path.of(configured != null ? configured : "target/switchboard.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the tests with ./mvnw verify (it packages the jar first)");
    }
    return jar;
  }

  public static ProcessBuilder command(Map<String, String> env, Path workDir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(path().toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SWITCHBOARD_"));
    pb.environment().putAll(env);
    return pb;
  }

  /** Runs a command to its end (at most 60 s). */
  public static Result run(Map<String, String> env, Path workDir, String... args) {
    try {
      Process p = command(env, workDir, args).start();
      p.getOutputStream().close();
      var out = p.getInputStream();
      var err = p.getErrorStream();
      var errText = new java.util.concurrent.CompletableFuture<String>();
      Thread.ofVirtual().start(() -> {
        try {
          errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          errText.complete("");
        }
      });
      String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("command did not finish: " + String.join(" ", args));
      }
      return new Result(p.exitValue(), stdout, errText.join());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
