package dev.switchboard.store;

import dev.switchboard.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

class BaselineSqliteIT extends BaselineTests {
  @org.junit.jupiter.api.Test
  void a_store_created_by_the_v11_baseline_upgrades() throws Exception {
    a_store_of_an_older_baseline_runs_what_came_after_it(
        dev.switchboard.store.migration.B11__SqliteBaseline.class, "11");
  }

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected List<String> schema(Connection c) throws SQLException {
    return lines(c, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master"
        + " WHERE name NOT LIKE 'flyway%' ORDER BY type, name");
  }
}
