package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class StatisticsSqliteIT extends StatisticsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
