package dev.switchboard.store.migration;

/** SQLite's baseline of the stores created before V14 (see {@link B14__SqliteBaseline}): V1 to V11. */
public final class B11__SqliteBaseline extends ScriptBaseline {
  public B11__SqliteBaseline() {
    super("db/baseline/sqlite-11.sql");
  }
}
