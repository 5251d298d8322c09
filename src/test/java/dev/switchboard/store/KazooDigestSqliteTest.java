package dev.switchboard.store;

import dev.switchboard.support.TestDatabase;

class KazooDigestSqliteTest extends KazooDigestTests {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
