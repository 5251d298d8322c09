package dev.switchboard.store.migration;

/** PostgreSQL's baseline, which a new store runs: V1 to V13. */
public final class B13__PostgresqlBaseline extends ScriptBaseline {
  public B13__PostgresqlBaseline() {
    super("db/baseline/postgresql-13.sql");
  }
}
