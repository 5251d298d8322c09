package dev.switchboard.hermes;

import dev.switchboard.support.TestDatabase;

class HermesPostgresIT extends HermesTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
