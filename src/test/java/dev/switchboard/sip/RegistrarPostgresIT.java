package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class RegistrarPostgresIT extends RegistrarTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
