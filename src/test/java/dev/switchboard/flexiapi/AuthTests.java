package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.support.DigestClient;
import dev.switchboard.support.Eventually;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.Jar;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The foundation's black-box suite: the packaged server on a random port, bootstrapped with the CLI
 * as an operator would, then authenticated by digest, API key and JWT. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthTests {
  static final String DOMAIN = "sip.example.org";

  TestDatabase db;
  ServerProcess server;
  KeyPair jwtKeys;
  String adminKey;
  String userKey;

  abstract TestDatabase database();

  @BeforeAll
  void start() throws Exception {
    db = database();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    jwtKeys = generator.generateKeyPair();
    Path pem = Files.createTempFile("jwt", ".pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(jwtKeys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    server = ServerProcess.start(db, Map.of(
        "SWITCHBOARD_JWT_PUBLIC_KEY_FILE", pem.toString(),
        "SWITCHBOARD_AUTH_MAX_FAILURES", "1000"));

    assertThat(server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN,
        "--password", "admin-secret").exitCode()).isZero();
    assertThat(server.cli("accounts", "create", "--username", "alice01", "--domain", DOMAIN,
        "--password", "alice-secret").exitCode()).isZero();
    assertThat(server.cli("accounts", "create", "--username", "md5only", "--domain", DOMAIN,
        "--password", "md5-secret", "--algorithm", "MD5").exitCode()).isZero();
    adminKey = apiKey("sip:admin01@" + DOMAIN);
    userKey = apiKey("sip:alice01@" + DOMAIN);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void showLogOnFailure(TestInfo info) {
    // The server log is printed by the failsafe report when a test of this class fails.
  }

  String apiKey(String sip) {
    Jar.Result r = server.cli("api-keys", "create", "--sip", sip);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).matches("[A-Za-z0-9]{40}\\R");
    return r.stdout().trim();
  }

  Response get(String path, String... headers) {
    return Http.get(server.url(path), headers);
  }

  @Test
  void ping_answers_pong_without_credentials() {
    Response r = get("/api/ping");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("pong");
  }

  @Test
  void me_without_credentials_is_401_in_json() {
    Response r = get("/api/accounts/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("message").asText()).isEqualTo("Unauthenticated.");
    assertThat(r.headers("WWW-Authenticate")).isEmpty();
  }

  @Test
  void me_with_a_from_header_gets_an_md5_and_a_sha256_challenge() {
    Response r = get("/api/accounts/me", "from", "sip:alice01@" + DOMAIN);
    assertThat(r.status()).isEqualTo(401);
    List<Map<String, String>> challenges = r.headers("WWW-Authenticate").stream()
        .map(DigestClient::parseChallenge).toList();
    assertThat(challenges).extracting(c -> c.get("algorithm")).containsExactly("MD5", "SHA-256");
    for (Map<String, String> c : challenges) {
      assertThat(c.get("realm")).isEqualTo(DOMAIN);
      assertThat(c.get("qop")).isEqualTo("auth");
      assertThat(c.get("nonce")).isNotBlank();
      assertThat(c.get("opaque")).isNotBlank();
    }
  }

  @Test
  void the_challenge_of_the_fast_route_is_the_one_every_protected_route_sends() {
    String from = "sip:alice01@" + DOMAIN;
    Response fast = get("/api/accounts/me", "from", from);
    Response ordinary = get("/api/accounts/me/devices", "from", from);
    for (Response r : List.of(fast, ordinary)) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}");
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(r.headers("WWW-Authenticate")).hasSize(2);
    }
    List<String> shapes = new java.util.ArrayList<>();
    for (Response r : List.of(fast, ordinary)) {
      shapes.add(String.join("\n", r.headers("WWW-Authenticate")).replaceAll("nonce=\"[^\"]+\"", "nonce")
          .replaceAll("opaque=\"[^\"]+\"", "opaque"));
    }
    assertThat(shapes.get(0)).isEqualTo(shapes.get(1));
  }

  @Test
  void a_digest_answer_proves_the_caller_on_provisioning_and_vcards_too() {
    for (String path : List.of("/provisioning/me", "/contacts/vcard")) {
      String from = "sip:alice01@" + DOMAIN;
      Map<String, String> c = challenge(from, "SHA-256");
      Response digest = get(path, "from", from, "x-linphone-provisioning", "true", "Authorization",
          DigestClient.authorization(c, "alice01", "alice-secret", "GET", path, 1, "c0ffee"));
      Response byKey = get(path, "x-api-key", userKey, "x-linphone-provisioning", "true");
      assertThat(digest.status()).as(path + " " + digest.body()).isEqualTo(200);
      assertThat(digest.body()).isEqualTo(byKey.body());
    }
  }

  Map<String, String> challenge(String from, String algorithm) {
    Response r = get("/api/accounts/me", "from", from);
    assertThat(r.status()).isEqualTo(401);
    return r.headers("WWW-Authenticate").stream().map(DigestClient::parseChallenge)
        .filter(c -> c.get("algorithm").equals(algorithm)).findFirst().orElseThrow();
  }

  Response digestMe(String username, String password, String algorithm) {
    String from = "sip:" + username + "@" + DOMAIN;
    Map<String, String> c = challenge(from, algorithm);
    return get("/api/accounts/me", "from", from, "Authorization",
        DigestClient.authorization(c, username, password, "GET", "/api/accounts/me", 1, "0a4f113b"));
  }

  @Test
  void digest_login_with_md5() {
    Response r = digestMe("alice01", "alice-secret", "MD5");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo("alice01");
    assertThat(r.json().get("domain").asText()).isEqualTo(DOMAIN);
  }

  @Test
  void digest_login_with_sha256() {
    Response r = digestMe("alice01", "alice-secret", "SHA-256");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo("alice01");
  }

  @Test
  void digest_with_an_algorithm_the_account_has_no_hash_for_is_401() {
    assertThat(digestMe("md5only", "md5-secret", "MD5").status()).isEqualTo(200);
    assertThat(digestMe("md5only", "md5-secret", "SHA-256").status()).isEqualTo(401);
  }

  @Test
  void digest_with_a_wrong_password_is_401_with_fresh_challenges() {
    Response r = digestMe("alice01", "not-the-password", "SHA-256");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers("WWW-Authenticate")).hasSize(2);
  }

  @Test
  void digest_for_an_unknown_account_is_401() {
    assertThat(digestMe("nobody99", "whatever", "MD5").status()).isEqualTo(401);
  }

  @Test
  void a_replayed_nonce_count_is_401_and_the_next_count_is_accepted() {
    String from = "sip:alice01@" + DOMAIN;
    Map<String, String> c = challenge(from, "SHA-256");
    String first = DigestClient.authorization(c, "alice01", "alice-secret", "GET", "/api/accounts/me", 1, "abc");
    assertThat(get("/api/accounts/me", "from", from, "Authorization", first).status()).isEqualTo(200);
    assertThat(get("/api/accounts/me", "from", from, "Authorization", first).status()).isEqualTo(401);
    String second = DigestClient.authorization(c, "alice01", "alice-secret", "GET", "/api/accounts/me", 2, "abd");
    assertThat(get("/api/accounts/me", "from", from, "Authorization", second).status()).isEqualTo(200);
  }

  @Test
  void in_database_mode_a_nonce_outlives_a_restart_and_each_count_is_accepted_once() {
    // Each start has a data directory (and secret.key) of its own, as another host would: the nonce
    // key comes from the database. On SQLite too, with auth.digest_nonces: database.
    Map<String, String> databaseMode = Map.of("SWITCHBOARD_AUTH_DIGEST_NONCES", "database");
    String from = "sip:alice01@" + DOMAIN;
    String path = "/api/accounts/me";
    Map<String, String> c;
    String first;
    String unused;
    try (ServerProcess before = ServerProcess.start(db, databaseMode)) {
      Response r = Http.get(before.url(path), "from", from);
      assertThat(r.status()).isEqualTo(401);
      c = r.headers("WWW-Authenticate").stream().map(DigestClient::parseChallenge)
          .filter(h -> h.get("algorithm").equals("SHA-256")).findFirst().orElseThrow();
      first = DigestClient.authorization(c, "alice01", "alice-secret", "GET", path, 1, "r1");
      assertThat(Http.get(before.url(path), "from", from, "Authorization", first).status()).isEqualTo(200);
      assertThat(Http.get(before.url(path), "from", from, "Authorization", first).status()).as("replay").isEqualTo(401);
      Response other = Http.get(before.url(path), "from", from);
      Map<String, String> o = other.headers("WWW-Authenticate").stream().map(DigestClient::parseChallenge)
          .filter(h -> h.get("algorithm").equals("MD5")).findFirst().orElseThrow();
      unused = DigestClient.authorization(o, "alice01", "alice-secret", "GET", path, 1, "u1");
    }
    try (ServerProcess after = ServerProcess.start(db, databaseMode)) {
      assertThat(Http.get(after.url(path), "from", from, "Authorization", unused).status())
          .as("a nonce issued before the restart, answered after it").isEqualTo(200);
      Response replay = Http.get(after.url(path), "from", from, "Authorization", first);
      assertThat(replay.status()).as("a count used before the restart").isEqualTo(401);
      assertThat(replay.headers("WWW-Authenticate")).noneSatisfy(h -> assertThat(h).contains("stale=true"));
      String second = DigestClient.authorization(c, "alice01", "alice-secret", "GET", path, 2, "r2");
      assertThat(Http.get(after.url(path), "from", from, "Authorization", second).status()).isEqualTo(200);
      assertThat(Http.get(after.url(path), "from", from, "Authorization", second).status()).as("replay").isEqualTo(401);
    }
  }

  @Test
  void an_unknown_nonce_is_answered_with_stale_true() {
    String from = "sip:alice01@" + DOMAIN;
    Map<String, String> c = new java.util.HashMap<>(challenge(from, "MD5"));
    c.put("nonce", "00000000000000000000000000000000");
    Response r = get("/api/accounts/me", "from", from, "Authorization",
        DigestClient.authorization(c, "alice01", "alice-secret", "GET", "/api/accounts/me", 1, "x"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers("WWW-Authenticate")).allSatisfy(h -> assertThat(h).contains("stale=true"));
  }

  @Test
  void me_never_shows_password_hashes() {
    Response r = get("/api/accounts/me", "x-api-key", userKey);
    assertThat(r.status()).isEqualTo(200);
    String ha1 = DigestClient.hash("MD5", "alice01:" + DOMAIN + ":alice-secret");
    assertThat(r.body()).doesNotContain(ha1).doesNotContain("ha1").doesNotContain("alice-secret");
    assertThat(r.json().get("passwords").findValuesAsText("algorithm")).containsExactly("MD5", "SHA-256");
  }

  @Test
  void api_key_in_a_header() {
    Response r = get("/api/accounts/me", "x-api-key", adminKey);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo("admin01");
    assertThat(r.json().get("admin").asBoolean()).isTrue();
  }

  @Test
  void api_key_in_a_cookie() {
    Response r = get("/api/accounts/me", "Cookie", "x-api-key=" + userKey);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo("alice01");
  }

  @Test
  void a_bad_api_key_is_401() {
    assertThat(get("/api/accounts/me", "x-api-key", "0".repeat(40)).status()).isEqualTo(401);
    assertThat(get("/api/accounts/me", "x-api-key", userKey + "x").status()).isEqualTo(401);
  }

  @Test
  void api_keys_are_stored_hashed() throws Exception {
    try (var c = db.connect(); var rs = c.createStatement().executeQuery("SELECT key_hash FROM api_keys")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertThat(rs.getString(1)).isNotIn(adminKey, userKey).matches("[0-9a-f]{64}");
      }
      assertThat(rows).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void a_blocked_account_gets_403_whatever_it_proves() {
    assertThat(server.cli("accounts", "create", "--username", "blocked1", "--domain", DOMAIN,
        "--password", "blocked-secret").exitCode()).isZero();
    String key = apiKey("sip:blocked1@" + DOMAIN);
    assertThat(get("/api/accounts/me", "x-api-key", key).status()).isEqualTo(200);
    db.execute("UPDATE accounts SET blocked = ? WHERE username = ?", true, "blocked1");
    // Written by another process: the server's cached read of the key follows within the watcher's delay.
    assertThat(Eventually.until(() -> get("/api/accounts/me", "x-api-key", key),
        r -> r.status() == 403, Duration.ofSeconds(5)).status()).isEqualTo(403);
    assertThat(digestMe("blocked1", "blocked-secret", "SHA-256").status()).isEqualTo(403);
  }

  String jwt(KeyPair keys, Date expires, String sip) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("someone").claim("sip_identity", sip)
        .issueTime(new Date()).expirationTime(expires).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    return jwt.serialize();
  }

  @Test
  void a_jwt_signed_by_the_configured_key_authenticates() throws Exception {
    String token = jwt(jwtKeys, new Date(System.currentTimeMillis() + 600_000), "sip:alice01@" + DOMAIN);
    Response r = get("/api/accounts/me", "Authorization", "Bearer " + token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("username").asText()).isEqualTo("alice01");
  }

  @Test
  void an_expired_jwt_is_401() throws Exception {
    String token = jwt(jwtKeys, new Date(System.currentTimeMillis() - 3_600_000), "sip:alice01@" + DOMAIN);
    assertThat(get("/api/accounts/me", "Authorization", "Bearer " + token).status()).isEqualTo(401);
  }

  @Test
  void a_jwt_signed_by_another_key_is_401() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String token = jwt(generator.generateKeyPair(), new Date(System.currentTimeMillis() + 600_000),
        "sip:alice01@" + DOMAIN);
    assertThat(get("/api/accounts/me", "Authorization", "Bearer " + token).status()).isEqualTo(401);
  }

  @Test
  void a_jwt_for_an_account_that_does_not_exist_is_401() throws Exception {
    String token = jwt(jwtKeys, new Date(System.currentTimeMillis() + 600_000), "sip:ghost99@" + DOMAIN);
    assertThat(get("/api/accounts/me", "Authorization", "Bearer " + token).status()).isEqualTo(401);
  }

  @Test
  void create_admin_promotes_an_existing_account() {
    assertThat(server.cli("accounts", "create", "--username", "promote1", "--domain", DOMAIN,
        "--password", "promote-secret").exitCode()).isZero();
    String key = apiKey("sip:promote1@" + DOMAIN);
    assertThat(get("/api/accounts/me", "x-api-key", key).json().get("admin").asBoolean()).isFalse();
    Jar.Result r = server.cli("accounts", "create-admin", "--username", "promote1", "--domain", DOMAIN,
        "--password", "new-secret", "--algorithm", "SHA-256");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    // Written by another process (the CLI): the cached account follows within the watcher's delay.
    Response me = Eventually.until(() -> get("/api/accounts/me", "x-api-key", key),
        m -> m.json().get("admin").asBoolean(), Duration.ofSeconds(5));
    assertThat(me.json().get("admin").asBoolean()).isTrue();
    assertThat(me.json().get("passwords").findValuesAsText("algorithm")).containsExactly("SHA-256");
    assertThat(digestMe("promote1", "new-secret", "SHA-256").status()).isEqualTo(200);
  }

  @Test
  void cli_rejects_bad_input_with_one_line() {
    Jar.Result r = server.cli("accounts", "create-admin", "--username", "abc", "--domain", DOMAIN,
        "--password", "123");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("switchboard:")).count()).isEqualTo(1);
    assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    Jar.Result unknown = server.cli("api-keys", "create", "--sip", "sip:nobody99@" + DOMAIN);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stdout()).isEmpty();
  }

  @Test
  void unknown_api_paths_are_404_json() {
    Response r = get("/api/does-not-exist");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().has("message")).isTrue();
  }

  @Test
  void health_and_metrics() {
    Response health = get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    get("/api/ping");
    Response metrics = get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/ping\"");
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void the_log_holds_no_secret() {
    get("/api/accounts/me", "x-api-key", userKey);
    digestMe("alice01", "alice-secret", "SHA-256");
    String log = server.log();
    assertThat(log).doesNotContain(userKey).doesNotContain(adminKey).doesNotContain("alice-secret")
        .doesNotContain(DigestClient.hash("MD5", "alice01:" + DOMAIN + ":alice-secret"));
    assertThat(log.lines().collect(Collectors.toList())).anySatisfy(l -> assertThat(l).contains("GET /api/accounts/me 200"));
  }
}
