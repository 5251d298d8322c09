package dev.switchboard.kazoo;

import dev.switchboard.support.TestDatabase;

class KazooSqliteIT extends KazooTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
