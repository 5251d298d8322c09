package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.support.DigestClient;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TwoAdminsServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** FlexiAPI's devices (live registrations) and POST /api/messages, received by a real UA. */
abstract class DevicesAndMessagesTests extends TwoAdminsServer {
  static final String PASSWORD = "sip-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  Http.Response as(String key, String method, String path, Object body) {
    try {
      return Http.send(method, server.url(path), body == null ? null : JSON.writeValueAsString(body), "x-api-key", key);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  String account() {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Http.Response r = as(adminKey, "POST", "/api/accounts", Map.of("username", username, "password", PASSWORD,
        "algorithm", "SHA-256", "activated", true));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return username;
  }

  long id(String username) {
    return as(adminKey, "GET", "/api/accounts/sip:" + username + "@" + DOMAIN + "/search", null).json().get("id").asLong();
  }

  Http.Response asUser(String user, String method, String path) {
    return method.equals("GET") ? DigestClient.get(server.url(""), path, user, DOMAIN, PASSWORD, "SHA-256")
        : DigestClient.send(server.url(""), method, path, null, user, DOMAIN, PASSWORD, "SHA-256");
  }

  @Test
  void devices_list_the_live_registrations_by_uuid_and_delete_removes_one() throws Exception {
    String user = account();
    String instance = "urn:uuid:" + UUID.randomUUID();
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of(
          "<sip:" + user + "@127.0.0.1:4001>;+sip.instance=\"<" + instance + ">\"", "<sip:" + user + "@127.0.0.1:4002>"),
          "User-Agent: LinphoneTest/5.2");
    }
    Http.Response mine = asUser(user, "GET", "/api/accounts/me/devices");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    JsonNode devices = mine.json();
    assertThat(devices.size()).isEqualTo(2);
    JsonNode phone = devices.get(instance);
    assertThat(phone.get("uuid").asText()).isEqualTo(instance);
    assertThat(phone.get("user_agent").asText()).isEqualTo("LinphoneTest/5.2");
    assertThat(phone.get("contact").asText()).isEqualTo("sip:" + user + "@127.0.0.1:4001");
    assertThat(phone.get("expires_at").asText()).endsWith("Z");

    Http.Response byAdmin = as(adminKey, "GET", "/api/accounts/" + id(user) + "/devices", null);
    assertThat(byAdmin.json().size()).isEqualTo(2);
    assertThat(as(otherAdminKey, "GET", "/api/accounts/" + id(user) + "/devices", null).status())
        .as("the account exists, in a domain the other admin does not manage: checkScope's 403").isEqualTo(403);

    assertThat(asUser(user, "DELETE", "/api/accounts/me/devices/" + instance).status()).isEqualTo(200);
    assertThat(asUser(user, "DELETE", "/api/accounts/me/devices/" + instance).status()).isEqualTo(404);
    String other = asUser(user, "GET", "/api/accounts/me/devices").json().fieldNames().next();
    assertThat(as(otherAdminKey, "DELETE", "/api/accounts/" + id(user) + "/devices/" + other, null).status())
        .isEqualTo(403);
    assertThat(as(adminKey, "DELETE", "/api/accounts/" + id(user) + "/devices/" + other, null).status()).isEqualTo(200);
    assertThat(asUser(user, "GET", "/api/accounts/me/devices").body()).isEqualTo("{}");
  }

  @Test
  void devices_endpoints_refuse_the_unauthenticated_and_non_admins() {
    String user = account();
    assertThat(Http.get(server.url("/api/accounts/me/devices")).status()).isEqualTo(401);
    assertThat(Http.send("DELETE", server.url("/api/accounts/me/devices/x"), null).status()).isEqualTo(401);
    assertThat(Http.get(server.url("/api/accounts/1/devices")).status()).isEqualTo(401);
    assertThat(asUser(user, "GET", "/api/accounts/" + id(user) + "/devices").status()).isEqualTo(403);
    assertThat(asUser(user, "DELETE", "/api/accounts/" + id(user) + "/devices/x").status()).isEqualTo(403);
    assertThat(as(adminKey, "GET", "/api/accounts/999999/devices", null).status()).isEqualTo(404);
    assertThat(Http.send("POST", server.url("/api/messages"), "{}").status()).isEqualTo(401);
  }

  @Test
  void unknown_md5_only_and_sha256_only_users_get_the_same_challenge() throws Exception {
    List<String> offers = new ArrayList<>();
    for (String algorithm : new String[] {null, "MD5", "SHA-256"}) {
      String user = "nobody" + UUID.randomUUID().toString().substring(0, 8);
      if (algorithm != null) {
        user = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Response r = as(adminKey, "POST", "/api/accounts", Map.of("username", user, "password", PASSWORD,
            "algorithm", algorithm, "activated", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
      }
      try (TestUa ua = TestUa.udp(server.sipPort())) {
        ua.sendRaw(ua.register(user, DOMAIN, List.of("<" + ua.contact(user) + ">"), ua.callId, ua.nextCseq()));
        SipMessage challenge = ua.nextResponse();
        assertThat(challenge.status()).isEqualTo(401);
        offers.add(TestUa.challengeHeaders(challenge).stream()
            .map(h -> h.replaceAll("nonce=\"[^\"]*\"", "nonce")).toList().toString());
      }
    }
    assertThat(offers.get(1)).isEqualTo(offers.get(0));
    assertThat(offers.get(2)).isEqualTo(offers.get(0));
  }

  @Test
  void an_admin_sends_messages_only_into_a_domain_it_manages() {
    String user = account();
    Http.Response r = as(otherAdminKey, "POST", "/api/messages", Map.of("to", "sip:" + user + "@" + DOMAIN, "body", "hi"));
    assertThat(r.status()).as(r.body()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void a_message_through_the_api_reaches_every_registered_ua(String transport) throws Exception {
    String user = account();
    try (TestUa one = TestUa.of(transport, server.sipPort()); TestUa two = TestUa.udp(server.sipPort())) {
      assertThat(one.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + one.contact(user) + ">")).status())
          .isEqualTo(200);
      two.answerWith(486);
      assertThat(two.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + two.contact(user) + ">")).status())
          .isEqualTo(200);
      Http.Response r = as(adminKey, "POST", "/api/messages", Map.of("to", "sip:" + user + "@" + DOMAIN, "body", "héllo"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("id").asText()).isNotBlank();
      assertThat(r.json().get("sent")).hasSize(2);
      SipMessage got = one.nextRequest(5000);
      assertThat(got.method()).isEqualTo("MESSAGE");
      assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo("héllo");
      assertThat(got.header("Content-Type")).startsWith("text/plain");
      assertThat(got.header("From")).contains("sip:admin01@" + DOMAIN);
      assertThat(got.header("Call-ID")).isEqualTo(r.json().get("id").asText());
      assertThat(two.nextRequest(5000).method()).isEqualTo("MESSAGE");
      List<Integer> statuses = new java.util.ArrayList<>();
      r.json().get("sent").forEach(d -> statuses.add(d.get("status").asInt()));
      assertThat(statuses).containsExactlyInAnyOrder(200, 486);
    }
  }

  @Test
  void with_an_outbound_proxy_a_message_goes_to_the_proxy_with_a_route_and_the_contact_as_request_uri() throws Exception {
    String user = account();
    try (TestUa proxy = TestUa.udp(server.sipPort())) {
      String proxyUri = "sip:127.0.0.1:" + proxy.localPort();
      try (ServerProcess proxied = ServerProcess.start(db, Map.of("SWITCHBOARD_AUTH_MAX_FAILURES", "10000",
          "SWITCHBOARD_SIP_OUTBOUND_PROXY", proxyUri));
          TestUa phone = TestUa.udp(proxied.sipPort())) {
        assertThat(phone.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + phone.contact(user) + ">"))
            .status()).isEqualTo(200);
        Http.Response r = Http.send("POST", proxied.url("/api/messages"),
            JSON.writeValueAsString(Map.of("to", "sip:" + user + "@" + DOMAIN, "body", "via proxy")), "x-api-key", adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        SipMessage got = proxy.nextRequest(5000);
        assertThat(got).as("the proxy received the MESSAGE").isNotNull();
        assertThat(got.method()).isEqualTo("MESSAGE");
        assertThat(got.uri()).isEqualTo(phone.contact(user));
        assertThat(got.header("Route")).isEqualTo("<" + proxyUri + ";lr>");
        assertThat(phone.nextRequest(500)).as("nothing straight to the phone").isNull();
        assertThat(r.json().get("sent").get(0).get("status").asInt()).isEqualTo(200);
      }
    }
  }

  @Test
  void a_message_to_an_alias_reaches_its_destination() throws Exception {
    String user = account();
    String alias = "alias" + user;
    db.execute("INSERT INTO aliases (alias_username, alias_domain, destination_username, destination_domain, e164,"
        + " created_at) VALUES (?, ?, ?, ?, FALSE, ?)", alias, DOMAIN, user, DOMAIN,
        db.now());
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + ua.contact(user) + ">"));
      Http.Response r = as(adminKey, "POST", "/api/messages", Map.of("to", "sip:" + alias + "@" + DOMAIN, "body", "hi"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(ua.nextRequest(5000).uri()).isEqualTo(ua.contact(user));
    }
  }
}
