package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class NotifyServiceSqliteIT extends NotifyServiceTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
