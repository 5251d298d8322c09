package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** FlexiAPI statistics, black-box: announcements, device updates, validation, access, daily counts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatisticsTests {
  TestDatabase db;
  ServerProcess server;
  String adminKey;
  String otherAdminKey;
  String userKey;

  abstract TestDatabase database();

  @BeforeAll
  void start() {
    db = database();
    server = ServerProcess.start(db, Map.of());
    server.cli("accounts", "create-admin", "--username", "admin01", "--domain", "a.example.org", "--password", "secret1");
    server.cli("accounts", "create-admin", "--username", "admin02", "--domain", "b.example.org", "--password", "secret1");
    server.cli("accounts", "create", "--username", "user0001", "--domain", "a.example.org", "--password", "secret1");
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@a.example.org").stdout().trim();
    otherAdminKey = server.cli("api-keys", "create", "--sip", "sip:admin02@b.example.org").stdout().trim();
    userKey = server.cli("api-keys", "create", "--sip", "sip:user0001@a.example.org").stdout().trim();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Response send(String method, String path, String body, String key) {
    return Http.send(method, server.url(path), body, "x-api-key", key);
  }

  Response admin(String method, String path, String body) {
    return send(method, path, body, adminKey);
  }

  @Test
  void messages_are_announced_once_and_completed_per_device() {
    Response created = admin("POST", "/api/statistics/messages", "{\"id\":\"msg-1\",\"from\":\"sip:alice@a.example.org\","
        + "\"sent_at\":\"2026-11-01T10:00:00Z\",\"encrypted\":true,\"conference_id\":\"conf-9\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("encrypted").asBoolean()).isTrue();
    AccountsTests.assert422(admin("POST", "/api/statistics/messages", "{\"id\":\"msg-1\",\"from\":\"sip:x@a.example.org\","
        + "\"sent_at\":\"2026-11-01T10:00:00Z\",\"encrypted\":false}"), "id");
    AccountsTests.assert422(admin("POST", "/api/statistics/messages", "{}"), "id", "from", "sent_at", "encrypted");
    AccountsTests.assert422(admin("POST", "/api/statistics/messages", "{\"id\":\"m2\",\"from\":\"a\","
        + "\"sent_at\":\"yesterday\",\"encrypted\":\"maybe\"}"), "encrypted");
    AccountsTests.assert422(admin("POST", "/api/statistics/messages", "{\"id\":\"m2\",\"from\":\"a\","
        + "\"sent_at\":\"yesterday\",\"encrypted\":true}"), "sent_at");

    String device = "/api/statistics/messages/msg-1/to/sip:bob@a.example.org/devices/dev-1";
    assertThat(admin("PATCH", device, "{\"last_status\":200,\"received_at\":\"2026-11-01T10:00:01+01:00\"}").status())
        .isEqualTo(200);
    assertThat(admin("PATCH", device, "{\"last_status\":202,\"received_at\":\"2026-11-01T10:00:02Z\"}").status())
        .as("a device may report again").isEqualTo(200);
    AccountsTests.assert422(admin("PATCH", device, "{\"last_status\":\"ok\",\"received_at\":\"2026-11-01T10:00:02Z\"}"),
        "last_status");
    AccountsTests.assert422(admin("PATCH", device, "{}"), "last_status", "received_at");
    assertThat(admin("PATCH", "/api/statistics/messages/nope/to/x/devices/y",
        "{\"last_status\":200,\"received_at\":\"2026-11-01T10:00:02Z\"}").status()).isEqualTo(404);
  }

  @Test
  void calls_are_announced_completed_and_ended() {
    Response created = admin("POST", "/api/statistics/calls", "{\"id\":\"call-1\",\"from\":\"sip:alice@a.example.org\","
        + "\"to\":\"sip:bob@a.example.org\",\"initiated_at\":\"2026-11-02T08:00:00Z\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("ended_at").isNull()).isTrue();
    AccountsTests.assert422(admin("POST", "/api/statistics/calls", "{\"initiated_at\":\"x\",\"ended_at\":\"y\"}"),
        "id", "from", "to", "initiated_at", "ended_at");
    assertThat(admin("PATCH", "/api/statistics/calls/call-1/devices/dev-1", "{\"rang_at\":\"2026-11-02T08:00:01Z\","
        + "\"invite_terminated\":{\"at\":\"2026-11-02T08:00:05Z\",\"state\":\"accepted\"}}").status()).isEqualTo(200);
    AccountsTests.assert422(admin("PATCH", "/api/statistics/calls/call-1/devices/dev-1",
        "{\"invite_terminated\":{\"at\":\"soon\"}}"), "invite_terminated.at");
    Response ended = admin("PATCH", "/api/statistics/calls/call-1", "{\"ended_at\":\"2026-11-02T08:10:00Z\"}");
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().get("ended_at").asText()).startsWith("2026-11-02T08:10:00");
    AccountsTests.assert422(admin("PATCH", "/api/statistics/calls/call-1", "{}"), "ended_at");
    assertThat(admin("PATCH", "/api/statistics/calls/nope", "{\"ended_at\":\"2026-11-02T08:10:00Z\"}").status())
        .isEqualTo(404);
  }

  @Test
  void daily_counts_include_empty_days_and_respect_domains() {
    for (String[] m : new String[][] {{"d1", "sip:x@a.example.org", "2026-10-01T23:59:59Z"},
        {"d2", "sip:y@a.example.org", "2026-10-03T00:00:00Z"}, {"d3", "sip:z@b.example.org", "2026-10-03T12:00:00Z"}}) {
      assertThat(send("POST", "/api/statistics/messages", "{\"id\":\"" + m[0] + "\",\"from\":\"" + m[1]
          + "\",\"sent_at\":\"" + m[2] + "\",\"encrypted\":false}", adminKey).status()).isEqualTo(201);
    }
    JsonNode days = admin("GET", "/api/statistics/messages/daily?from=2026-10-01&to=2026-10-03", null).json();
    assertThat(days).hasSize(3);
    assertThat(days.get(0).get("day").asText()).isEqualTo("2026-10-01");
    assertThat(days.findValuesAsText("count")).containsExactly("1", "0", "1");
    JsonNode other = send("GET", "/api/statistics/messages/daily?from=2026-10-03&to=2026-10-03", null, otherAdminKey).json();
    assertThat(other.get(0).get("count").asLong()).isEqualTo(1);
    assertThat(admin("GET", "/api/statistics/messages/daily?from=2026-10-01&to=2026-10-03&domain=b.example.org", null)
        .status()).isEqualTo(403);
    AccountsTests.assert422(admin("GET", "/api/statistics/calls/daily?from=2026-10-05&to=2026-10-01", null), "to");
    AccountsTests.assert422(admin("GET", "/api/statistics/calls/daily?from=2020-01-01&to=2026-01-01", null), "to");
    AccountsTests.assert422(admin("GET", "/api/statistics/calls/daily", null), "from", "to");
    assertThat(admin("GET", "/api/statistics/calls/daily?from=2026-11-02&to=2026-11-02", null).json()
        .findValuesAsText("count")).isNotEmpty();
  }

  @Test
  void users_get_403_and_anonymous_401() {
    String[][] endpoints = {{"POST", "/api/statistics/messages"}, {"PATCH", "/api/statistics/messages/m/to/t/devices/d"},
        {"POST", "/api/statistics/calls"}, {"PATCH", "/api/statistics/calls/c/devices/d"},
        {"PATCH", "/api/statistics/calls/c"}, {"GET", "/api/statistics/messages/daily"},
        {"GET", "/api/statistics/calls/daily"}};
    for (String[] e : endpoints) {
      assertThat(Http.send(e[0], server.url(e[1]), "{}").status()).as(e[1]).isEqualTo(401);
      assertThat(send(e[0], e[1], "{}", userKey).status()).as(e[1]).isEqualTo(403);
    }
  }
}
