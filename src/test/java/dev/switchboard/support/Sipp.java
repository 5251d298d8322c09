package dev.switchboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sipp (Debian's sip-tester) as a real SIP client: one REGISTER with digest (scenario
 * src/test/resources/sipp/register.xml), credentials through the injection file.
 */
public final class Sipp {
  private Sipp() {}

  /** How a run ended: sipp's exit code (0: every call passed) and its screen. */
  public record Result(int exitCode, String output) {
    public boolean passed() {
      return exitCode == 0;
    }
  }

  /**
   * Registers username@domain with password at the registrar (host:port, UDP) with a binding to
   * contactHostPort; extra sipp arguments may follow.
   */
  public static Result register(String registrar, String username, String domain, String password,
      String contactHostPort, String... extra) {
    try {
      Path dir = Files.createTempDirectory("switchboard-sipp");
      Path scenario = dir.resolve("register.xml");
      try (InputStream in = Sipp.class.getResourceAsStream("/sipp/register.xml")) {
        Files.copy(in, scenario);
      }
      Path users = dir.resolve("users.csv");
      Files.writeString(users, "SEQUENTIAL\n" + username + ";" + domain + ";[authentication username=" + username
          + " password=" + password + "];" + contactHostPort + "\n");
      List<String> command = new java.util.ArrayList<>(List.of("sipp", registrar, "-sf", scenario.toString(),
          "-inf", users.toString(), "-m", "1", "-i", "127.0.0.1", "-p",
          Integer.toString(ServerProcess.freePort()), "-nostdin", "-timeout", "20s", "-recv_timeout", "5000",
          "-max_retrans", "3"));
      command.addAll(List.of(extra));
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("sipp did not finish:\n" + out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run sipp (Debian package sip-tester; .ci/run installs it): "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
