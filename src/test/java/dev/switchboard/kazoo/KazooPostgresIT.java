package dev.switchboard.kazoo;

import dev.switchboard.support.TestDatabase;

class KazooPostgresIT extends KazooTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
