package dev.switchboard.store.migration;

/** PostgreSQL's baseline, which a new store runs: V1 to V14. */
public final class B14__PostgresqlBaseline extends ScriptBaseline {
  public B14__PostgresqlBaseline() {
    super("db/baseline/postgresql-14.sql");
  }
}
