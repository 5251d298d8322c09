package dev.switchboard.store;

import dev.switchboard.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

class BaselinePostgresIT extends BaselineTests {
  @org.junit.jupiter.api.Test
  void a_store_created_by_the_v12_baseline_upgrades() throws Exception {
    a_store_of_an_older_baseline_runs_what_came_after_it(
        dev.switchboard.store.migration.B12__PostgresqlBaseline.class, "12");
  }

  @org.junit.jupiter.api.Test
  void a_store_created_by_the_v13_baseline_upgrades() throws Exception {
    a_store_of_an_older_baseline_runs_what_came_after_it(
        dev.switchboard.store.migration.B13__PostgresqlBaseline.class, "13");
  }

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  @Override
  protected List<String> schema(Connection c) throws SQLException {
    return lines(c, """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
            || coalesce(column_default, '') FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name NOT LIKE 'flyway%'
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename NOT LIKE 'flyway%'
        UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
          WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT LIKE 'flyway%'
        UNION ALL SELECT 'view ' || table_name || ' ' || view_definition FROM information_schema.views
          WHERE table_schema = current_schema()
        UNION ALL SELECT 'trigger ' || trigger_name || ' ' || event_object_table || ' ' || event_manipulation || ' '
            || action_timing || ' ' || action_statement FROM information_schema.triggers
          WHERE trigger_schema = current_schema()
        UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc
          WHERE pronamespace = current_schema()::regnamespace
        UNION ALL SELECT 'row version ' || table_name || ' ' || table_version FROM version
        ORDER BY 1""");
  }
}
