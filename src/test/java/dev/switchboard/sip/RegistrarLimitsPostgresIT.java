package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class RegistrarLimitsPostgresIT extends RegistrarLimitsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
