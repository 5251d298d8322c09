package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class AuthSqliteIT extends AuthTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
