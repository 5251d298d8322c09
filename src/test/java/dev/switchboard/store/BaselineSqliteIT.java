package dev.switchboard.store;

import dev.switchboard.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

class BaselineSqliteIT extends BaselineTests {
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
