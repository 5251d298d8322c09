package dev.switchboard.cli;

import dev.switchboard.Server;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.LogLevel;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the server in the foreground until SIGTERM or SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the server in the foreground; SIGTERM drains requests in flight and stops.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "-d", description = "Debug logs (same as -l debug).")
  boolean debug;

  @Option(names = "-l", paramLabel = "LOG_LEVEL", description = "One of critical, error, warning, info, debug.")
  String logLevel;

  @Option(names = {"-u", "--user"}, paramLabel = "USER",
      description = "Run as USER (phoned's option). The JVM cannot change its user after binding: start as USER "
          + "with CAP_NET_BIND_SERVICE for ports below 1024.")
  String user;

  @Option(names = {"-f", "--foreground"}, description = "Accepted for phoned compatibility: serve always runs in the foreground.")
  boolean foreground;

  /** `serve` with no option given, for {@code Main}'s start without picocli. */
  public static ServeCommand withDefaults() {
    ServeCommand serve = new ServeCommand();
    serve.config = new ConfigOption();
    return serve;
  }

  /**
   * A JVM cannot setuid: -u is honoured when the process already runs as that user, and refused with
   * the way to do it otherwise (systemd User= with AmbientCapabilities=CAP_NET_BIND_SERVICE).
   */
  private void checkUser() {
    if (user != null && !user.equals(System.getProperty("user.name"))) {
      throw new ConfigException("-u " + user + ": the JVM cannot drop privileges after binding; start the server as "
          + user + " and give it CAP_NET_BIND_SERVICE for ports below 1024 (systemd: User=" + user
          + ", AmbientCapabilities=CAP_NET_BIND_SERVICE)");
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    checkUser();
    Config loaded = config.load();
    String level = debug ? "debug" : logLevel != null ? logLevel : loaded.log().level();
    LogLevel parsed = LogLevel.parse(level);
    if (parsed == null) {
      throw new ConfigException("-l must be one of critical, error, warning, info, debug");
    }
    Logging.setLevel(parsed.logback());
    Server server = new Server(loaded.withLogLevel(level), Clock.systemUTC()).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }
}
