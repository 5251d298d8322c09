package dev.switchboard.store;

import dev.switchboard.support.TestDatabase;

class KazooDigestPostgresIT extends KazooDigestTests {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
