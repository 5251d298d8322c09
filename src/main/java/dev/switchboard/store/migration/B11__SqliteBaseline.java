package dev.switchboard.store.migration;

/** SQLite's baseline: V1 to V11 (SQLite has no V9 and no V12: they are PostgreSQL's alone). */
public final class B11__SqliteBaseline extends ScriptBaseline {
  public B11__SqliteBaseline() {
    super("db/baseline/sqlite-11.sql");
  }
}
