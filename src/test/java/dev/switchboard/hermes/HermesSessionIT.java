package dev.switchboard.hermes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session timing with lifetimes shortened by configuration (the server's clock is real): the old
 * auth_key dies after the grace, an auth_key expires without a ping, an idle session ends.
 */
class HermesSessionIT {
  @Test
  void keys_and_sessions_expire_on_time() throws Exception {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(), Map.of(
        "SWITCHBOARD_HERMES_AUTH_KEY_LIFETIME_SECONDS", "3",
        "SWITCHBOARD_HERMES_AUTH_KEY_GRACE_SECONDS", "1",
        "SWITCHBOARD_HERMES_SESSION_IDLE_SECONDS", "5"))) {
      server.cli("accounts", "create-admin", "--username", "root0001", "--domain", "voip.example.org",
          "--password", "root-secret", "--super-admin");
      HermesClient c = new HermesClient(server.url("")).login("user", "root0001@voip.example.org",
          "password", "root-secret");
      String old = c.authKey;
      JsonNode pong = c.call("auth/ping");
      String fresh = pong.get("auth_key").asText();
      c.authKey = old;
      HermesTests.ok(c.call("domain/list"));
      Thread.sleep(1300);
      HermesTests.fails(c.call("domain/list"), "failed", "unauthorized");
      c.authKey = fresh;
      HermesTests.ok(c.call("domain/list"));

      Thread.sleep(3300);
      HermesTests.fails(c.call("domain/list"), "failed", "unauthorized");

      HermesClient idle = new HermesClient(server.url("")).login("user", "root0001@voip.example.org",
          "password", "root-secret");
      Thread.sleep(2000);
      idle.authKey = idle.call("auth/ping").get("auth_key").asText();
      Thread.sleep(5500);
      assertThat(idle.call("auth/ping").get("cause").asText()).isEqualTo("unauthorized");
    }
  }
}
