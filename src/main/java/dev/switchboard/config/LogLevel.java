package dev.switchboard.config;

import java.util.Locale;

/** The operator's log levels (syslog words) and the Logback level each one means. */
public enum LogLevel {
  CRITICAL("ERROR"),
  ERROR("ERROR"),
  WARNING("WARN"),
  INFO("INFO"),
  DEBUG("DEBUG");

  private final String logback;

  LogLevel(String logback) {
    this.logback = logback;
  }

  public String logback() {
    return logback;
  }

  /** The level for a word, or null when the word is not one of ours. */
  public static LogLevel parse(String word) {
    if (word == null) {
      return null;
    }
    try {
      return valueOf(word.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
