package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class AccountsPostgresIT extends AccountsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
