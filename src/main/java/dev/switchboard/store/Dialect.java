package dev.switchboard.store;

/** The two databases Switchboard runs on; migrations live in a folder per dialect. */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  public String migrations() {
    return "classpath:db/migration/" + folder;
  }

  public static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }
}
