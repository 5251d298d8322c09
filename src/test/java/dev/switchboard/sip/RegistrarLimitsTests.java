package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Time-bound registrar behaviour with short limits: stale nonces, binding expiry, the per-source failure limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistrarLimitsTests {
  static final String DOMAIN = "sip.example.org";
  static final String PASSWORD = "sip-secret";

  TestDatabase db;
  ServerProcess server;
  String adminKey;

  abstract TestDatabase database();

  @BeforeAll
  void start() {
    db = database();
    server = ServerProcess.start(db, Map.of("SWITCHBOARD_SIP_NONCE_TTL_SECONDS", "1", "SWITCHBOARD_SIP_MIN_EXPIRES", "1",
        "SWITCHBOARD_SIP_MAX_FAILURES", "3", "SWITCHBOARD_SIP_BLOCK_SECONDS", "300"));
    server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN, "--password", "admin-secret");
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  String account() {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Http.Response r = Http.send("POST", server.url("/api/accounts"), "{\"username\":\"" + username
        + "\",\"password\":\"" + PASSWORD + "\",\"algorithm\":\"MD5\",\"activated\":true}", "x-api-key", adminKey);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return username;
  }

  @Test
  void a_right_answer_to_an_expired_nonce_is_challenged_again_with_stale_true() throws Exception {
    String user = account();
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      List<String> contact = List.of("<" + ua.contact(user) + ">");
      ua.sendRaw(ua.register(user, DOMAIN, contact, ua.callId, ua.nextCseq()));
      SipMessage challenge = ua.nextResponse();
      Thread.sleep(1600);
      String auth = TestUa.authorization(challenge, user, PASSWORD, "MD5", "sip:" + DOMAIN, "REGISTER");
      ua.sendRaw(ua.register(user, DOMAIN, contact, ua.callId, ua.nextCseq(), "Authorization: " + auth));
      SipMessage stale = ua.nextResponse();
      assertThat(stale.status()).isEqualTo(401);
      // Every algorithm of sip.challenge_algorithms is offered again, each marked stale.
      assertThat(TestUa.challengeHeaders(stale)).hasSize(2).allMatch(h -> h.contains("stale=true"));
      String fresh = TestUa.authorization(stale, user, PASSWORD, "MD5", "sip:" + DOMAIN, "REGISTER");
      ua.sendRaw(ua.register(user, DOMAIN, contact, ua.callId, ua.nextCseq(), "Authorization: " + fresh));
      assertThat(ua.nextResponse().status()).isEqualTo(200);
    }
  }

  @Test
  void an_expired_binding_is_never_listed_and_is_removed() throws Exception {
    String user = account();
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      SipMessage ok = ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">"), "Expires: 2");
      assertThat(ok.values("Contact")).hasSize(1);
      Thread.sleep(2500);
      Http.Response devices = Http.get(server.url("/api/accounts/" + id(user) + "/devices"), "x-api-key", adminKey);
      assertThat(devices.body()).isEqualTo("{}");
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of()).values("Contact")).isEmpty();
      try (var c = db.connect(); var rs = c.createStatement().executeQuery(
          "SELECT COUNT(*) FROM location WHERE username = '" + user + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  long id(String username) {
    return Http.get(server.url("/api/accounts/sip:" + username + "@" + DOMAIN + "/search"), "x-api-key", adminKey)
        .json().get("id").asLong();
  }

  @Test
  void a_source_that_fails_too_often_gets_403_even_with_the_right_password_while_others_register() throws Exception {
    String user = account();
    try (TestUa prober = TestUa.udpFrom("127.0.0.2", server.sipPort())) {
      List<String> contact = List.of("<" + prober.contact(user) + ">");
      for (int i = 0; i < 3; i++) {
        assertThat(prober.registerWithAuth(user, DOMAIN, "guess-" + i, "MD5", contact).status()).isEqualTo(401);
      }
      prober.sendRaw(prober.register(user, DOMAIN, contact, prober.callId, prober.nextCseq()));
      assertThat(prober.nextResponse().status()).isEqualTo(403);
    }
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "MD5", List.of("<" + ua.contact(user) + ">")).status())
          .isEqualTo(200);
    }
  }
}
