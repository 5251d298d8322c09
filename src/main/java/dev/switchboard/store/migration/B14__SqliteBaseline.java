package dev.switchboard.store.migration;

/** SQLite's baseline, which a new store runs: V1 to V14 (V9, V12 and V13 are PostgreSQL's alone). */
public final class B14__SqliteBaseline extends ScriptBaseline {
  public B14__SqliteBaseline() {
    super("db/baseline/sqlite-14.sql");
  }
}
