package dev.switchboard.sip;

import dev.switchboard.support.TestDatabase;

class RegistrarSqliteIT extends RegistrarTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
