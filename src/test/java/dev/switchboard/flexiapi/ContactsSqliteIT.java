package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class ContactsSqliteIT extends ContactsTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
