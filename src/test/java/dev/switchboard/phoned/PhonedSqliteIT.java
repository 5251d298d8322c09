package dev.switchboard.phoned;

import dev.switchboard.support.TestDatabase;

class PhonedSqliteIT extends PhonedTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
