package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class SipSqliteIT extends SipTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
