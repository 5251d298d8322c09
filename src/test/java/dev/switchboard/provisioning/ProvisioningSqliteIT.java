package dev.switchboard.provisioning;

import dev.switchboard.support.TestDatabase;

class ProvisioningSqliteIT extends ProvisioningTests {
  @Override
  TestDatabase database() {
    return TestDatabase.sqlite();
  }
}
