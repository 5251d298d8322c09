package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without app.dangerous_endpoints, FlexiAPI's deprecated public endpoints do not exist (404). */
class DangerousEndpointsIT {
  @Test
  void the_four_dangerous_endpoints_are_404_by_default() {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(), Map.of())) {
      server.cli("accounts", "create", "--username", "exists01", "--domain", "sip.example.org", "--password", "secret1");
      assertThat(Http.send("POST", server.url("/api/accounts/public"),
          "{\"username\":\"public01\",\"password\":\"public1\",\"algorithm\":\"MD5\"}").status()).isEqualTo(404);
      assertThat(Http.get(server.url("/api/accounts/+33612345678/info-by-phone")).status()).isEqualTo(404);
      assertThat(Http.send("POST", server.url("/api/accounts/recover-by-phone"), "{\"phone\":\"+33612345678\"}")
          .status()).isEqualTo(404);
      assertThat(Http.get(server.url("/api/accounts/sip:exists01@sip.example.org/recover/123456")).status())
          .isEqualTo(404);
      assertThat(Http.get(server.url("/api/accounts/sip:exists01@sip.example.org/info")).status()).isEqualTo(200);
    }
  }

  @Test
  void admins_manage_other_domains_only_when_allowed() {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(),
        Map.of("SWITCHBOARD_APP_ADMINS_MANAGE_MULTI_DOMAINS", "true"))) {
      server.cli("accounts", "create-admin", "--username", "admin01", "--domain", "a.example.org", "--password", "secret1");
      String key = server.cli("api-keys", "create", "--sip", "sip:admin01@a.example.org").stdout().trim();
      var created = Http.send("POST", server.url("/api/accounts"), "{\"username\":\"remote01\",\"password\":\"secret1\","
          + "\"algorithm\":\"MD5\",\"domain\":\"b.example.org\"}", "x-api-key", key);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().get("domain").asText()).isEqualTo("b.example.org");
      long id = created.json().get("id").asLong();
      assertThat(Http.send("POST", server.url("/api/accounts/" + id + "/block"), null, "x-api-key", key).status())
          .isEqualTo(200);
    }
  }
}
