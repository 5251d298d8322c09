package dev.switchboard.store.migration;

/** PostgreSQL's baseline of the stores created before V13 (see {@link B13__PostgresqlBaseline}): V1 to V12. */
public final class B12__PostgresqlBaseline extends ScriptBaseline {
  public B12__PostgresqlBaseline() {
    super("db/baseline/postgresql-12.sql");
  }
}
