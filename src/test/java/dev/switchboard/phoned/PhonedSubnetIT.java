package dev.switchboard.phoned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A peer outside phoned.authorized_subnets gets 403 before anything else, whatever it sends. */
class PhonedSubnetIT {
  @Test
  void a_peer_outside_the_authorized_subnets_gets_403() {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(),
        Map.of("SWITCHBOARD_PHONED_AUTHORIZED_SUBNETS", "10.0.0.0/8,192.168.0.0/16"))) {
      for (String path : new String[] {"/0.1/directories/lookup/default/cisco?term=a", "/0.1/status",
          "/0.1/directories/lookup/default/nokia", "/nothing", "/0.1/directories/lookup/default/cisco"}) {
        var r = Http.get(server.phoned(path), "X-Forwarded-For", "10.1.2.3");
        assertThat(r.status()).as(path).isEqualTo(403);
      }
    }
  }
}
