package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class SipPostgresIT extends SipTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
