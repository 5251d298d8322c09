package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class ContactsSqliteIT extends ContactsTests {
  @Override
  protected TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
