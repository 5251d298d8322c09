package dev.switchboard.flexiapi;

import dev.switchboard.support.TestDatabase;

class ReadCachesSqliteIT extends ReadCachesTests {
  @Override
  protected TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
