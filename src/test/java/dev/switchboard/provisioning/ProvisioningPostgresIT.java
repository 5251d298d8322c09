package dev.switchboard.provisioning;

import dev.switchboard.support.TestDatabase;

class ProvisioningPostgresIT extends ProvisioningTests {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
