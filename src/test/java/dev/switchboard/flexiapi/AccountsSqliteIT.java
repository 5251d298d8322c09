package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class AccountsSqliteIT extends AccountsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
