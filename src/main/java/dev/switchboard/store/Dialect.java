package dev.switchboard.store;

import dev.switchboard.store.migration.Migrations;

/** The two databases Switchboard runs on, each with its own migrations. */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  public Migrations migrations() {
    return this == POSTGRESQL ? Migrations.postgresql() : Migrations.sqlite();
  }

  public static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }
}
