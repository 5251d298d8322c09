package dev.switchboard.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Sets the root log level at run time (logback.xml sends everything to stderr). */
final class Logging {
  private Logging() {}

  static void setLevel(String logbackLevel) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(logbackLevel, Level.INFO));
    // Third-party chatter stays at WARN unless we debug.
    Level libraries = Level.toLevel(logbackLevel).isGreaterOrEqual(Level.INFO) ? Level.WARN : Level.DEBUG;
    for (String name : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb", "io.javalin"}) {
      context.getLogger(name).setLevel(libraries);
    }
  }
}
