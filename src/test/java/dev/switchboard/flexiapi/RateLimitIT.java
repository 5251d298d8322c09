package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failed authentications are limited per source address: then 429 with Retry-After, even for good keys. */
class RateLimitIT {
  @Test
  void too_many_failures_from_one_address_get_429() {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(),
        Map.of("SWITCHBOARD_AUTH_MAX_FAILURES", "3", "SWITCHBOARD_AUTH_FAILURE_WINDOW_SECONDS", "120"))) {
      assertThat(server.cli("accounts", "create", "--username", "alice01", "--domain", "sip.example.org",
          "--password", "alice-secret").exitCode()).isZero();
      String key = server.cli("api-keys", "create", "--sip", "sip:alice01@sip.example.org").stdout().trim();
      assertThat(Http.get(server.url("/api/accounts/me"), "x-api-key", key).status()).isEqualTo(200);
      for (int i = 0; i < 3; i++) {
        assertThat(Http.get(server.url("/api/accounts/me"), "x-api-key", "wrong" + i).status()).isEqualTo(401);
      }
      Response limited = Http.get(server.url("/api/accounts/me"), "x-api-key", key);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 120L);
      assertThat(limited.json().get("message").asText()).isNotBlank();
      assertThat(Http.get(server.url("/api/ping")).status()).isEqualTo(200);
    }
  }
}
