package dev.switchboard.store.migration;

/** PostgreSQL's baseline: V1 to V12. */
public final class B12__PostgresqlBaseline extends ScriptBaseline {
  public B12__PostgresqlBaseline() {
    super("db/baseline/postgresql.sql");
  }
}
