package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class DevicesAndMessagesPostgresIT extends DevicesAndMessagesTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
