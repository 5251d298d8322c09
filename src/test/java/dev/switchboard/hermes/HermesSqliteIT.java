package dev.switchboard.hermes;

import dev.switchboard.support.TestDatabase;

class HermesSqliteIT extends HermesTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
