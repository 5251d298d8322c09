package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class DevicesAndMessagesSqliteIT extends DevicesAndMessagesTests {
  @Override
  protected TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
