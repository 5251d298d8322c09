package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class AuthPostgresIT extends AuthTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
