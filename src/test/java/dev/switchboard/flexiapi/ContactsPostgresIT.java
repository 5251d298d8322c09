package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class ContactsPostgresIT extends ContactsTests {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
