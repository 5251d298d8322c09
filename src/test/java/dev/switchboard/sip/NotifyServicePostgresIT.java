package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class NotifyServicePostgresIT extends NotifyServiceTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
