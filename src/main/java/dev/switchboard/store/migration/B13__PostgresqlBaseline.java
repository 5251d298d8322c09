package dev.switchboard.store.migration;

/** PostgreSQL's baseline of the stores created before V14 (see {@link B14__PostgresqlBaseline}): V1 to V13. */
public final class B13__PostgresqlBaseline extends ScriptBaseline {
  public B13__PostgresqlBaseline() {
    super("db/baseline/postgresql-13.sql");
  }
}
