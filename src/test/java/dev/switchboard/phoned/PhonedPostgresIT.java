package dev.switchboard.phoned;

import dev.switchboard.support.TestDatabase;

class PhonedPostgresIT extends PhonedTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
