package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.support.Eventually;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.TwoAdminsServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server keeps reads (accounts by API key, their details, vCards) while nothing changed. A write
 * through the server is seen by the very next request; a write by another process (SQL, the CLI) within
 * the watcher's delay, here allowed 5 s.
 */
abstract class ReadCachesTests extends TwoAdminsServer {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration OTHER_PROCESS = Duration.ofSeconds(5);

  Response admin(String method, String path, Object body) {
    try {
      return Http.send(method, server.url(path), body == null ? null : JSON.writeValueAsString(body),
          "x-api-key", adminKey);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  long account(String username) {
    Response r = admin("POST", "/api/accounts", Map.of("username", username, "password", "cache-secret",
        "algorithm", "SHA-256", "activated", true));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  String keyOf(String username) {
    return server.cli("api-keys", "create", "--sip", "sip:" + username + "@" + DOMAIN).stdout().trim();
  }

  Response me(String key) {
    return Http.get(server.url("/api/accounts/me"), "x-api-key", key);
  }

  @Test
  void a_block_through_the_api_takes_effect_on_the_next_request() {
    long id = account("cacheblk1");
    String key = keyOf("cacheblk1");
    for (int i = 0; i < 3; i++) {
      assertThat(me(key).status()).isEqualTo(200);
    }
    assertThat(admin("POST", "/api/accounts/" + id + "/block", null).status()).isEqualTo(200);
    assertThat(me(key).status()).isEqualTo(403);
    assertThat(admin("POST", "/api/accounts/" + id + "/unblock", null).status()).isEqualTo(200);
    assertThat(me(key).status()).isEqualTo(200);
  }

  @Test
  void details_and_vcards_follow_writes_through_the_api_at_once() {
    long owner = account("cacheown1");
    long friend = account("cachefrd1");
    String key = keyOf("cacheown1");
    assertThat(me(key).json().get("dictionary").has("team")).isFalse();
    assertThat(admin("POST", "/api/accounts/" + owner + "/dictionary/team", Map.of("value", "blue")).status())
        .isEqualTo(200);
    assertThat(me(key).json().get("dictionary").get("team").asText()).isEqualTo("blue");

    assertThat(vcard(key).body()).doesNotContain("cachefrd1");
    assertThat(admin("POST", "/api/accounts/" + owner + "/contacts/" + friend, null).status()).isEqualTo(200);
    assertThat(vcard(key).body()).contains("sip:cachefrd1@" + DOMAIN);
    assertThat(admin("DELETE", "/api/accounts/" + owner + "/contacts/" + friend, null).status()).isEqualTo(200);
    assertThat(vcard(key).body()).doesNotContain("cachefrd1");
  }

  @Test
  void writes_of_other_processes_reach_the_cache() {
    account("cacheext1");
    String key = keyOf("cacheext1");
    assertThat(me(key).json().has("display_name")).isFalse();
    db.execute("UPDATE accounts SET display_name = ? WHERE username = ?", "Changed Elsewhere", "cacheext1");
    Response seen = Eventually.until(() -> me(key),
        r -> "Changed Elsewhere".equals(r.json().path("display_name").asText()), OTHER_PROCESS);
    assertThat(seen.json().get("display_name").asText()).isEqualTo("Changed Elsewhere");

    db.execute("DELETE FROM api_keys WHERE account_id = (SELECT id FROM accounts WHERE username = ?)", "cacheext1");
    assertThat(Eventually.until(() -> me(key), r -> r.status() == 401, OTHER_PROCESS).status()).isEqualTo(401);
  }

  @Test
  void the_fast_lane_answers_exactly_what_the_routes_do() {
    long owner = account("cachefst1");
    admin("POST", "/api/accounts/" + owner + "/contacts/" + account("cachefst2"), null);
    admin("POST", "/api/accounts/" + owner + "/dictionary/team", Map.of("value", "<red & \"blue\">"));
    String key = keyOf("cachefst1");
    for (String path : new String[] {"/api/accounts/me", "/provisioning/me", "/contacts/vcard", "/api/ping"}) {
      // A key in a header takes the fast lane; the same key in a cookie goes through Javalin's route.
      Response fast = Http.get(server.url(path), "x-api-key", key, "x-linphone-provisioning", "true");
      Response routed = Http.get(server.url(path), "Cookie", "x-api-key=" + key, "x-linphone-provisioning", "true");
      assertThat(fast.status()).as(path).isEqualTo(200);
      assertThat(fast.body()).as(path).isEqualTo(routed.body());
      assertThat(fast.header("Content-Type")).as(path).isEqualTo(routed.header("Content-Type"));
      assertThat(fast.header("Content-Length")).as(path).isEqualTo(routed.header("Content-Length"));
    }
    // Whatever the fast lane declines is answered by the route, errors in the face's shape included.
    Response unknown = Http.get(server.url("/api/accounts/me"), "x-api-key", "not-a-key");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().get("message").asText()).isNotBlank();
    assertThat(Http.get(server.url("/provisioning/me"), "x-api-key", key).status()).isEqualTo(400);
    Response reset = Http.get(server.url("/provisioning/me?reset_password"), "x-api-key", key,
        "x-linphone-provisioning", "true");
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.body()).contains("passwd");
  }

  Response vcard(String key) {
    return Http.get(server.url("/contacts/vcard"), "x-api-key", key);
  }
}
