package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class StatisticsPostgresIT extends StatisticsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
