package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in registrar, black-box: real REGISTERs over UDP and TCP against accounts made through FlexiAPI. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistrarTests {
  static final String DOMAIN = "sip.example.org";
  static final String PASSWORD = "sip-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  TestDatabase db;
  ServerProcess server;
  String adminKey;

  abstract TestDatabase database();

  @BeforeAll
  void start() {
    db = database();
    server = ServerProcess.start(db, Map.of("SWITCHBOARD_SIP_MAX_FAILURES", "10000", "SWITCHBOARD_SIP_MAX_CONTACTS", "3"));
    server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN, "--password", "admin-secret");
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Http.Response admin(String method, String path, Object body) {
    try {
      return Http.send(method, server.url(path), body == null ? null : JSON.writeValueAsString(body), "x-api-key", adminKey);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A fresh activated account with that algorithm; returns its username. */
  String account(String algorithm) {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Http.Response r = admin("POST", "/api/accounts", Map.of("username", username, "password", PASSWORD,
        "algorithm", algorithm, "activated", true));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return username;
  }

  long id(String username) {
    return admin("GET", "/api/accounts/sip:" + username + "@" + DOMAIN + "/search", null).json().get("id").asLong();
  }

  static List<String> contacts(SipMessage m) {
    return m.values("Contact");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void md5_registration_binds_the_contact_and_lists_it_with_its_expires(String transport) throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.of(transport, server.sipPort())) {
      SipMessage ok = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"),
          "Expires: 600", "User-Agent: TestUa/1.0");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(contacts(ok)).singleElement().asString().contains(ua.contact(user)).containsPattern("expires=(600|599)");
      try (var c = db.connect(); var rs = c.createStatement().executeQuery(
          "SELECT ruid, contact, user_agent, socket, q, received, connection_id FROM location WHERE username = '" + user + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("contact")).isEqualTo(ua.contact(user));
        assertThat(rs.getString("user_agent")).isEqualTo("TestUa/1.0");
        assertThat(rs.getString("socket")).isEqualTo(transport.toLowerCase() + ":127.0.0.1:" + server.sipPort());
        assertThat(rs.getFloat("q")).isEqualTo(-1f);
        assertThat(rs.getString("received")).isNull();
        if (transport.equals("UDP")) {
          assertThat(rs.getInt("connection_id")).isEqualTo(-1);
        } else {
          assertThat(rs.getInt("connection_id")).as("the id of the TCP connection it registered on").isPositive();
        }
        assertThat(rs.getString("ruid")).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void sha256_registration_answers_the_sha256_challenge(String transport) throws Exception {
    String user = account("SHA-256");
    try (TestUa ua = TestUa.of(transport, server.sipPort())) {
      ua.sendRaw(ua.register(user, DOMAIN, List.of("<" + ua.contact(user) + ">"), ua.callId, ua.nextCseq()));
      SipMessage challenge = ua.nextResponse();
      assertThat(challenge.status()).isEqualTo(401);
      // Every user is offered sip.challenge_algorithms (SHA-256 first), whatever HA1s it has.
      assertThat(TestUa.challengeHeaders(challenge).get(0))
          .contains("algorithm=SHA-256").contains("realm=\"" + DOMAIN + "\"").contains("qop=\"auth\"");
      String auth = TestUa.authorization(challenge, user, PASSWORD, "SHA-256", "sip:" + DOMAIN, "REGISTER");
      ua.sendRaw(ua.register(user, DOMAIN, List.of("<" + ua.contact(user) + ">"), ua.callId, ua.nextCseq(),
          "Authorization: " + auth));
      assertThat(ua.nextResponse().status()).isEqualTo(200);
    }
  }

  @Test
  void an_account_with_both_ha1s_gets_both_challenges_sha256_first_and_either_works() throws Exception {
    String user = account("SHA-256");
    long id = id(user);
    db.execute("INSERT INTO account_passwords (account_id, algorithm, ha1, created_at) VALUES (?, 'MD5', ?, ?)",
        id, Algorithm.MD5.ha1(user, DOMAIN, PASSWORD), db.now());
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.sendRaw(ua.register(user, DOMAIN, List.of("<" + ua.contact(user) + ">"), ua.callId, ua.nextCseq()));
      List<String> www = TestUa.challengeHeaders(ua.nextResponse());
      assertThat(www).hasSize(2);
      assertThat(www.get(0)).contains("algorithm=SHA-256");
      assertThat(www.get(1)).contains("algorithm=MD5");
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_401_with_a_fresh_challenge() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      SipMessage wrong = ua.registerWithAuth(user, DOMAIN, "not-the-password", "MD5", List.of("<" + ua.contact(user) + ">"));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(TestUa.challengeHeaders(wrong)).isNotEmpty();
      SipMessage unknown = ua.registerWithAuth("nobody" + user, DOMAIN, PASSWORD, "MD5",
          List.of("<" + ua.contact("nobody") + ">"));
      assertThat(unknown.status()).isEqualTo(401);
      assertThat(unknown.reason()).isEqualTo(wrong.reason());
    }
  }

  @Test
  void expires_zero_unregisters_one_contact_and_contact_star_all() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      String a = "<sip:" + user + "@127.0.0.1:" + ua.localPort() + ";line=a>";
      String b = "<sip:" + user + "@127.0.0.1:" + ua.localPort() + ";line=b>";
      assertThat(contacts(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of(a, b)))).hasSize(2);
      SipMessage one = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of(a + ";expires=0"));
      assertThat(contacts(one)).singleElement().asString().contains("line=b");
      SipMessage badStar = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("*"));
      assertThat(badStar.status()).isEqualTo(400);
      SipMessage star = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("*"), "Expires: 0");
      assertThat(star.status()).isEqualTo(200);
      assertThat(contacts(star)).isEmpty();
    }
  }

  @Test
  void a_new_contact_with_the_same_instance_replaces_the_old_binding() throws Exception {
    String user = account("MD5");
    String instance = ";+sip.instance=\"<urn:uuid:" + UUID.randomUUID() + ">\";reg-id=1";
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<sip:" + user + "@127.0.0.1:1111>" + instance));
      SipMessage ok = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5",
          List.of("<sip:" + user + "@127.0.0.1:2222>" + instance));
      assertThat(contacts(ok)).singleElement().asString().contains(":2222").contains("+sip.instance");
    }
  }

  @Test
  void the_oldest_binding_gives_way_beyond_max_contacts() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      for (int port = 1001; port <= 1004; port++) {
        ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<sip:" + user + "@127.0.0.1:" + port + ">"));
        Thread.sleep(5);
      }
      SipMessage fetch = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of());
      assertThat(contacts(fetch)).hasSize(3).noneMatch(c -> c.contains(":1001"));
    }
  }

  @Test
  void a_too_short_lifetime_gets_423_with_min_expires_and_a_too_long_one_is_cut() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      SipMessage brief = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"),
          "Expires: 10");
      assertThat(brief.status()).isEqualTo(423);
      assertThat(brief.header("Min-Expires")).isEqualTo("60");
      SipMessage cut = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5",
          List.of("<" + ua.contact(user) + ">;expires=999999"));
      assertThat(contacts(cut)).singleElement().asString().containsPattern("expires=(3600|3599)");
    }
  }

  @Test
  void a_nonce_and_response_replayed_under_another_call_id_are_challenged_again_not_stale() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      List<String> contact = List.of("<" + ua.contact(user) + ">");
      String auth = ua.answerChallenge(user, DOMAIN, PASSWORD, "MD5", contact, ua.callId, ua.nextCseq());
      ua.sendRaw(ua.register(user, DOMAIN, contact, ua.callId, ua.nextCseq(), "Authorization: " + auth));
      assertThat(ua.nextResponse().status()).isEqualTo(200);
      // A captured nonce+response under a fresh Call-ID would meet no CSeq order: it must not bind.
      ua.sendRaw(ua.register(user, DOMAIN, List.of("<sip:" + user + "@192.0.2.66:5060>"), UUID.randomUUID().toString(), 1,
          "Authorization: " + auth));
      SipMessage replay = ua.nextResponse();
      assertThat(replay.status()).isEqualTo(401);
      assertThat(TestUa.challengeHeaders(replay)).isNotEmpty().noneMatch(h -> h.contains("stale"));
      assertThat(contacts(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of()))).singleElement().asString()
          .doesNotContain("192.0.2.66");
    }
  }

  @Test
  void a_path_is_stored_only_when_the_ua_supports_path_else_420() throws Exception {
    String user = account("MD5");
    String path = "Path: <sip:edge.example.net;lr>";
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      SipMessage refused = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"), path);
      assertThat(refused.status()).isEqualTo(420);
      assertThat(refused.header("Unsupported")).isEqualTo("path");
      try (var c = db.connect(); var rs = c.createStatement().executeQuery(
          "SELECT COUNT(*) FROM location WHERE username = '" + user + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
      SipMessage ok = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"), path,
          "Supported: outbound, path");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Path")).isEqualTo("<sip:edge.example.net;lr>");
      try (var c = db.connect(); var rs = c.createStatement().executeQuery(
          "SELECT path FROM location WHERE username = '" + user + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("<sip:edge.example.net;lr>");
      }
    }
  }

  @Test
  void registers_pipelined_on_one_tcp_connection_are_answered_in_order_and_the_last_cseq_holds() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.tcp(server.sipPort())) {
      List<String> contact = List.of("<" + ua.contact(user) + ">");
      String auth = ua.answerChallenge(user, DOMAIN, PASSWORD, "MD5", contact, ua.callId, ua.nextCseq());
      int first = ua.nextCseq();
      int count = 8;
      StringBuilder burst = new StringBuilder();
      for (int i = 0; i < count; i++) {
        burst.append(ua.register(user, DOMAIN, contact, ua.callId, first + i, "Authorization: " + auth));
      }
      ua.sendRaw(burst.toString()); // one write: handled concurrently, CSeq n+1 could land before n and n get 400
      for (int i = 0; i < count; i++) {
        SipMessage r = ua.nextResponse();
        assertThat(r.header("CSeq")).isEqualTo((first + i) + " REGISTER");
        assertThat(r.status()).isEqualTo(200);
      }
      try (var c = db.connect(); var rs = c.createStatement().executeQuery(
          "SELECT cseq FROM location WHERE username = '" + user + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(first + count - 1);
      }
    }
  }

  @Test
  void contact_star_with_another_contact_is_400_and_with_an_older_cseq_of_the_call_id_changes_nothing() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      List<String> contact = List.of("<" + ua.contact(user) + ">");
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", contact).status()).isEqualTo(200);
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("*", contact.getFirst()), "Expires: 0")
          .status()).isEqualTo(400);
      // The binding holds CSeq 2 of ua.callId: a `*` of that Call-ID at CSeq 1 is older, so aborted (§10.3 step 6).
      String auth = ua.answerChallenge(user, DOMAIN, PASSWORD, "MD5", List.of("*"), ua.callId, 1, "Expires: 0");
      ua.sendRaw(ua.register(user, DOMAIN, List.of("*"), ua.callId, 1, "Expires: 0", "Authorization: " + auth));
      assertThat(ua.nextResponse().status()).isEqualTo(400);
      assertThat(contacts(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of()))).hasSize(1);
      // Another Call-ID, whatever its CSeq: the binding goes.
      String other = UUID.randomUUID().toString();
      String auth2 = ua.answerChallenge(user, DOMAIN, PASSWORD, "MD5", List.of("*"), other, 1, "Expires: 0");
      ua.sendRaw(ua.register(user, DOMAIN, List.of("*"), other, 1, "Expires: 0", "Authorization: " + auth2));
      SipMessage removed = ua.nextResponse();
      assertThat(removed.status()).isEqualTo(200);
      assertThat(contacts(removed)).isEmpty();
    }
  }

  @Test
  void a_request_uri_of_a_domain_not_served_gets_403_and_a_to_of_another_domain_404() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      List<String> contact = List.of("<" + ua.contact(user) + ">");
      String elsewhere = ua.register(user, "elsewhere.example.net", contact, ua.callId, ua.nextCseq());
      ua.sendRaw(elsewhere);
      SipMessage notServed = ua.nextResponse();
      assertThat(notServed.status()).isEqualTo(403);
      assertThat(TestUa.challengeHeaders(notServed)).isEmpty();
      // Ours in the Request-URI, but the address of record is not of that domain (§10.3 step 5).
      String mixed = ua.register(user, "elsewhere.example.net", contact, ua.callId, ua.nextCseq())
          .replace("REGISTER sip:elsewhere.example.net ", "REGISTER sip:" + DOMAIN + " ");
      ua.sendRaw(mixed);
      assertThat(ua.nextResponse().status()).isEqualTo(404);
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", contact).status()).isEqualTo(200);
    }
  }

  @Test
  void an_older_cseq_of_the_same_call_id_is_refused() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      SipMessage ok = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"));
      assertThat(ok.status()).isEqualTo(200);
      // Same Call-ID, CSeq 1 again (the UA is at 3): out of order.
      ua.sendRaw(ua.register(user, DOMAIN, List.of("<" + ua.contact(user) + ">"), ua.callId, 1));
      SipMessage challenge = ua.nextResponse();
      String auth = TestUa.authorization(challenge, user, PASSWORD, "MD5", "sip:" + DOMAIN, "REGISTER");
      ua.sendRaw(ua.register(user, DOMAIN, List.of("<" + ua.contact(user) + ">"), ua.callId, 1, "Authorization: " + auth));
      assertThat(ua.nextResponse().status()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"block", "deactivate"})
  void a_blocked_or_deactivated_account_gets_403(String action) throws Exception {
    String user = account("MD5");
    assertThat(admin("POST", "/api/accounts/" + id(user) + "/" + action, null).status()).isEqualTo(200);
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">")).status())
          .isEqualTo(403);
    }
  }

  @Test
  void a_device_registers_with_its_own_credentials_in_its_domain() throws Exception {
    String owner = account("MD5");
    String sipUser = "dev" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Object now = db.now();
    db.execute("INSERT INTO devices (uuid, created_at, updated_at, domain_id, owner_id, sip_username, enabled)"
        + " SELECT ?, ?, ?, a.domain_id, a.id, ?, TRUE FROM accounts a WHERE a.username = ?",
        UUID.randomUUID().toString().replace("-", ""), now, now, sipUser, owner);
    db.execute("INSERT INTO device_passwords (device_id, algorithm, ha1, created_at)"
        + " SELECT id, 'SHA-256', ?, ? FROM devices WHERE sip_username = ?",
        Algorithm.SHA256.ha1(sipUser, DOMAIN, "device-pass"), now, sipUser);
    try (TestUa ua = TestUa.tcp(server.sipPort())) {
      assertThat(ua.registerWithAuth(sipUser, DOMAIN, "wrong-pass", "SHA-256", List.of("<" + ua.contact(sipUser) + ">"))
          .status()).isEqualTo(401);
      SipMessage ok = ua.registerWithAuth(sipUser, DOMAIN, "device-pass", "SHA-256", List.of("<" + ua.contact(sipUser) + ">"));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(contacts(ok)).hasSize(1);
    }
    assertThat(admin("POST", "/api/accounts/" + id(owner) + "/block", null).status()).isEqualTo(200);
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      assertThat(ua.registerWithAuth(sipUser, DOMAIN, "device-pass", "SHA-256", List.of("<" + ua.contact(sipUser) + ">"))
          .status()).as("owner blocked").isEqualTo(403);
    }
    assertThat(admin("POST", "/api/accounts/" + id(owner) + "/unblock", null).status()).isEqualTo(200);
    db.execute("UPDATE devices SET enabled = FALSE WHERE sip_username = ?", sipUser);
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      assertThat(ua.registerWithAuth(sipUser, DOMAIN, "device-pass", "SHA-256", List.of("<" + ua.contact(sipUser) + ">"))
          .status()).isEqualTo(403);
    }
  }

  @Test
  void a_nat_source_is_kept_as_received() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      // The contact claims a private address; the request really comes from 127.0.0.1:<port>.
      ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<sip:" + user + "@10.0.0.7:5060>"));
      try (var c = db.connect(); var rs = c.createStatement().executeQuery(
          "SELECT received FROM location WHERE username = '" + user + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("sip:127.0.0.1:" + ua.localPort());
      }
    }
  }

  @Test
  void bindings_survive_a_restart() throws Exception {
    String user = account("MD5");
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"));
    }
    server.stop();
    server = ServerProcess.start(db, Map.of("SWITCHBOARD_SIP_MAX_FAILURES", "10000", "SWITCHBOARD_SIP_MAX_CONTACTS", "3"));
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      assertThat(contacts(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of()))).hasSize(1);
    }
  }
}
