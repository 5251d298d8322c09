package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class RegistrarLimitsSqliteIT extends RegistrarLimitsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
