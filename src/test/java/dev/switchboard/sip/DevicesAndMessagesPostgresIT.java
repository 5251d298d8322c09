package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class DevicesAndMessagesPostgresIT extends DevicesAndMessagesTests {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
