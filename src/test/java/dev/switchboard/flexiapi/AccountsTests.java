package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.DigestClient;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.Mailbox;
import dev.switchboard.support.Recorder;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * FlexiAPI's account, token and credential endpoints, black-box, with a real SMTP server and local
 * SMS and push gateways. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsTests {
  static final String DOMAIN = "sip.example.org";
  static final String OTHER = "other.example.org";

  TestDatabase db;
  ServerProcess server;
  Mailbox mailbox;
  Recorder gateway;
  String adminKey;
  String otherAdminKey;

  abstract TestDatabase database();

  @BeforeAll
  void start() {
    db = database();
    mailbox = new Mailbox();
    gateway = new Recorder();
    server = ServerProcess.start(db, Map.ofEntries(
        Map.entry("SWITCHBOARD_APP_DANGEROUS_ENDPOINTS", "true"),
        Map.entry("SWITCHBOARD_ACCOUNTS_EMAIL_UNIQUE", "true"),
        Map.entry("SWITCHBOARD_AUTH_MAX_FAILURES", "10000"),
        Map.entry("SWITCHBOARD_MAIL_HOST", "127.0.0.1"),
        Map.entry("SWITCHBOARD_MAIL_PORT", Integer.toString(mailbox.port())),
        Map.entry("SWITCHBOARD_MAIL_FROM", "Switchboard <noreply@example.org>"),
        Map.entry("SWITCHBOARD_SMS_URL", gateway.url("/sms")),
        Map.entry("SWITCHBOARD_SMS_USERNAME", "smsuser"),
        Map.entry("SWITCHBOARD_SMS_PASSWORD", "smspass"),
        Map.entry("SWITCHBOARD_PUSH_FCM_URL", gateway.url("/fcm/{project}/messages:send")),
        Map.entry("SWITCHBOARD_PUSH_FCM_ACCESS_TOKEN", "fcm-test-token"),
        Map.entry("SWITCHBOARD_ACCOUNTS_MAX_TOKENS_PER_DEVICE", "2")));
    assertThat(server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN,
        "--password", "admin-secret").exitCode()).isZero();
    assertThat(server.cli("accounts", "create-admin", "--username", "admin02", "--domain", OTHER,
        "--password", "admin-secret").exitCode()).isZero();
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
    otherAdminKey = server.cli("api-keys", "create", "--sip", "sip:admin02@" + OTHER).stdout().trim();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (mailbox != null) {
      mailbox.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  // Helpers

  Response get(String path, String... headers) {
    return Http.get(server.url(path), headers);
  }

  Response post(String path, String json, String... headers) {
    return Http.send("POST", server.url(path), json == null ? "{}" : json, headers);
  }

  @Test
  void an_admin_may_not_change_block_or_delete_a_super_admin_of_its_domain() {
    assertThat(server.cli("accounts", "create-admin", "--username", "chief001", "--domain", DOMAIN, "--password",
        "chief-secret", "--super-admin").exitCode()).isZero();
    long id = asAdmin("GET", "/api/accounts/sip:chief001@" + DOMAIN + "/search", null).json().get("id").asLong();
    Response takeover = asAdmin("PUT", "/api/accounts/" + id, "{\"password\":\"taken-over\",\"algorithm\":\"MD5\"}");
    assertThat(takeover.status()).as(takeover.body()).isEqualTo(403);
    assertThat(asAdmin("POST", "/api/accounts/" + id + "/block", null).status()).isEqualTo(403);
    assertThat(asAdmin("DELETE", "/api/accounts/" + id, null).status()).isEqualTo(403);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "chief001", DOMAIN, "chief-secret", "SHA-256")
        .status()).as("the old password still works").isEqualTo(200);
  }

  Response asAdmin(String method, String path, String json) {
    return Http.send(method, server.url(path), json, "x-api-key", adminKey);
  }

  /** Creates an activated account through the admin API and returns its id. */
  long createAccount(String username, String password, String extraJson) {
    Response r = asAdmin("POST", "/api/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
        + "\",\"algorithm\":\"SHA-256\",\"activated\":true" + (extraJson == null ? "" : "," + extraJson) + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  /** An API key for an account, through auth token + attach (digest) + exchange: the FlexiAPI way. */
  String keyFor(String username, String password) {
    String token = post("/api/accounts/auth_token", null).json().get("token").asText();
    Response attach = DigestClient.get(server.url(""), "/api/accounts/auth_token/" + token + "/attach", username,
        DOMAIN, password, "SHA-256");
    assertThat(attach.status()).as(attach.body()).isEqualTo(200);
    Response key = get("/api/accounts/me/api_key/" + token);
    assertThat(key.status()).isEqualTo(200);
    return key.json().get("api_key").asText();
  }

  static void assert422(Response r, String... fields) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("message").asText()).isNotBlank();
    for (String field : fields) {
      assertThat(r.json().get("errors").has(field)).as("errors of " + r.body()).isTrue();
      assertThat(r.json().get("errors").get(field).get(0).asText()).isNotBlank();
    }
  }

  /** Moves a row's expiry an hour into the past (the server's clock is real; this is quicker than waiting). */
  void expire(String table, String column, String where, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = Timestamp.from(Instant.now().minusSeconds(3600));
    System.arraycopy(args, 0, all, 1, args.length);
    db.execute("UPDATE " + table + " SET " + column + " = ? WHERE " + where, all);
  }

  // Account creation request tokens and the validation page

  @Test
  void a_creation_answers_the_account_as_a_later_read_shows_it() {
    for (String extra : new String[] {"\"activated\":true", "\"activated\":false,\"display_name\":\"Zoé B\"",
        "\"activated\":true,\"algorithm\":\"MD5\",\"dictionary\":{\"zz\":\"1\",\"aa\":\"2\"}",
        "\"activated\":true,\"email\":\"made@example.org\",\"dtmf_protocol\":\"rfc2833\""}) {
      String username = "born" + Math.abs(extra.hashCode() % 100000);
      Response created = asAdmin("POST", "/api/accounts", "{\"username\":\"" + username
          + "\",\"password\":\"born-secret\"," + (extra.contains("algorithm") ? "" : "\"algorithm\":\"SHA-256\",")
          + extra + "}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      var answered = (com.fasterxml.jackson.databind.node.ObjectNode) created.json();
      answered.remove(List.of("confirmation_key", "confirmation_key_expires", "provisioning_token"));
      Response read = asAdmin("GET", "/api/accounts/" + answered.get("id").asLong(), null);
      assertThat(read.status()).isEqualTo(200);
      assertThat(answered).as(extra).isEqualTo(read.json());
    }
  }

  @Test
  void request_token_works_once_and_only_after_a_person_validated_it() {
    Response created = post("/api/account_creation_request_tokens", null);
    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asText();
    String validationUrl = created.json().get("validation_url").asText();
    assertThat(validationUrl).endsWith("/account_creation_request_tokens/" + token + "/validate");

    String exchange = "{\"account_creation_request_token\":\"" + token + "\"}";
    assertThat(post("/api/account_creation_tokens/using-account-creation-request-token", exchange).status())
        .isEqualTo(404);

    String path = "/account_creation_request_tokens/" + token + "/validate";
    Response page = get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    Matcher sum = Pattern.compile("How much is (\\d) \\+ (\\d)\\?").matcher(page.body());
    assertThat(sum.find()).as(page.body()).isTrue();
    int answer = Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2));

    Response wrong = Http.send("POST", server.url(path), null, "Content-Type", "application/x-www-form-urlencoded");
    assertThat(wrong.status()).isEqualTo(422);
    Response right = form(path, "answer=" + answer);
    assertThat(right.status()).as(right.body()).isEqualTo(200);

    Response creationToken = post("/api/account_creation_tokens/using-account-creation-request-token", exchange);
    assertThat(creationToken.status()).as(creationToken.body()).isEqualTo(201);
    assertThat(creationToken.json().get("token").asText()).hasSize(32);
    assertThat(post("/api/account_creation_tokens/using-account-creation-request-token", exchange).status())
        .as("a request token is single-use").isEqualTo(404);
    assert422(post("/api/account_creation_tokens/using-account-creation-request-token", "{}"),
        "account_creation_request_token");
    assertThat(get("/account_creation_request_tokens/unknown/validate").status()).isEqualTo(404);
  }

  Response form(String path, String body) {
    return sendForm(server.url(path), body);
  }

  static Response sendForm(String url, String body) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
      var r = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void an_expired_request_token_is_404() {
    String token = post("/api/account_creation_request_tokens", null).json().get("token").asText();
    String path = "/account_creation_request_tokens/" + token + "/validate";
    Matcher sum = Pattern.compile("How much is (\\d) \\+ (\\d)\\?").matcher(get(path).body());
    assertThat(sum.find()).isTrue();
    form(path, "answer=" + (Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2))));
    expire("account_creation_request_tokens", "expires_at", "validated_at IS NOT NULL AND used_at IS NULL");
    assertThat(post("/api/account_creation_tokens/using-account-creation-request-token",
        "{\"account_creation_request_token\":\"" + token + "\"}").status()).isEqualTo(404);
  }

  // Account creation tokens

  @Test
  void admin_creation_tokens_need_an_admin() {
    assertThat(post("/api/account_creation_tokens", null).status()).isEqualTo(401);
    createAccount("plainuser1", "plain-secret", null);
    String userKey = keyFor("plainuser1", "plain-secret");
    assertThat(post("/api/account_creation_tokens", null, "x-api-key", userKey).status()).isEqualTo(403);
    Response r = post("/api/account_creation_tokens", null, "x-api-key", adminKey);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("token").asText()).hasSize(32);
  }

  @Test
  void send_by_push_reaches_fcm_then_refuses_a_second_live_token_and_the_limit() {
    gateway.clear();
    String body = "{\"pn_provider\":\"fcm\",\"pn_param\":\"my-project\",\"pn_prid\":\"device-1\"}";
    Response sent = post("/api/account_creation_tokens/send-by-push", body);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    Recorder.Request push = gateway.take(Duration.ofSeconds(5));
    assertThat(push.path()).isEqualTo("/fcm/my-project/messages:send");
    assertThat(push.header("Authorization")).isEqualTo("Bearer fcm-test-token");
    JsonNode message = Http.Response.class.cast(new Response(200, null, push.body())).json().get("message");
    assertThat(message.get("token").asText()).isEqualTo("device-1");
    String token = message.get("data").get("token").asText();
    assertThat(token).hasSize(32);

    assertThat(post("/api/account_creation_tokens/send-by-push", body).status())
        .as("a live token was already sent").isEqualTo(403);

    // Using the token frees the device for one more (the limit is 2 per device here).
    assertThat(post("/api/accounts/with-account-creation-token", "{\"username\":\"pushed01\",\"password\":\"pushed-secret\","
        + "\"algorithm\":\"SHA-256\",\"account_creation_token\":\"" + token + "\"}").status()).isEqualTo(201);
    assertThat(post("/api/account_creation_tokens/send-by-push", body).status()).isEqualTo(200);
    gateway.take(Duration.ofSeconds(5));
    expire("account_creation_tokens", "expires_at", "pn_prid = ?", "device-1");
    assertThat(post("/api/account_creation_tokens/send-by-push", body).status())
        .as("the per-device limit is reached").isEqualTo(403);

    assert422(post("/api/account_creation_tokens/send-by-push", "{\"pn_provider\":\"carrier-pigeon\"}"),
        "pn_provider", "pn_param", "pn_prid");
  }

  @Test
  void send_by_push_answers_503_when_the_provider_fails() {
    Response r = post("/api/account_creation_tokens/send-by-push",
        "{\"pn_provider\":\"fcm\",\"pn_param\":\"p\",\"pn_prid\":\"fail-device\"}");
    assertThat(r.status()).isEqualTo(503);
    Response unconfigured = post("/api/account_creation_tokens/send-by-push",
        "{\"pn_provider\":\"apns\",\"pn_param\":\"ABCDE12345.org.example.app.voip\",\"pn_prid\":\"ios-device\"}");
    assertThat(unconfigured.status()).isEqualTo(503);
  }

  // Sign-up with a token

  @Test
  void an_account_created_with_a_token_logs_in_and_the_token_is_single_use() {
    String token = post("/api/account_creation_tokens", null, "x-api-key", adminKey).json().get("token").asText();
    String body = "{\"username\":\"signup01\",\"password\":\"signup-secret\",\"algorithm\":\"MD5\","
        + "\"dtmf_protocol\":\"rfc2833\",\"account_creation_token\":\"" + token + "\"}";
    Response created = post("/api/accounts/with-account-creation-token", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("username").asText()).isEqualTo("signup01");
    assertThat(created.json().get("domain").asText()).isEqualTo(DOMAIN);
    assertThat(created.json().get("dtmf_protocol").asText()).isEqualTo("rfc2833");
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "signup01", DOMAIN, "signup-secret", "MD5").status())
        .isEqualTo(200);
    assert422(post("/api/accounts/with-account-creation-token", body.replace("signup01", "signup02")),
        "account_creation_token");
  }

  @Test
  void sign_up_validation_names_every_bad_field() {
    String token = post("/api/account_creation_tokens", null, "x-api-key", adminKey).json().get("token").asText();
    assert422(post("/api/accounts/with-account-creation-token", "{\"username\":\"abc\",\"password\":\"123\","
        + "\"algorithm\":\"SHA-1\",\"dtmf_protocol\":\"morse\",\"account_creation_token\":\"" + token + "\"}"),
        "username", "password", "algorithm", "dtmf_protocol");
    assert422(post("/api/accounts/with-account-creation-token", "{\"username\":\"+33612345678\",\"password\":\"secret1\","
        + "\"algorithm\":\"MD5\",\"account_creation_token\":\"" + token + "\"}"), "username");
    assert422(post("/api/accounts/with-account-creation-token", "{}"), "username", "password", "algorithm",
        "account_creation_token");
    assert422(post("/api/accounts/with-account-creation-token", "not json"), "body");
    String expired = post("/api/account_creation_tokens", null, "x-api-key", adminKey).json().get("token").asText();
    expire("account_creation_tokens", "expires_at", "used_at IS NULL AND pn_prid IS NULL AND account_id IS NULL");
    assert422(post("/api/accounts/with-account-creation-token", "{\"username\":\"expired01\",\"password\":\"secret1\","
        + "\"algorithm\":\"MD5\",\"account_creation_token\":\"" + expired + "\"}"), "account_creation_token");
  }

  @Test
  void two_concurrent_creations_of_one_username_give_one_account() throws Exception {
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(() -> asAdmin("POST", "/api/accounts",
          "{\"username\":\"racer0001\",\"password\":\"racer-secret\",\"algorithm\":\"MD5\"}").status());
    }
    try (var pool = Executors.newFixedThreadPool(6)) {
      List<Integer> statuses = new ArrayList<>();
      for (var f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnly(201, 422);
      assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    }
  }

  // Auth tokens and API keys

  @Test
  void auth_token_attach_and_exchange_for_an_api_key_once() {
    createAccount("tokenuser1", "token-secret", null);
    Response created = post("/api/accounts/auth_token", null);
    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asText();
    assertThat(get("/api/accounts/me/api_key/" + token).status()).as("not attached yet").isEqualTo(404);
    assertThat(get("/api/accounts/auth_token/" + token + "/attach").status()).isEqualTo(401);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/auth_token/" + token + "/attach", "tokenuser1", DOMAIN,
        "token-secret", "SHA-256").status()).isEqualTo(200);
    Response key = get("/api/accounts/me/api_key/" + token);
    assertThat(key.status()).isEqualTo(200);
    String apiKey = key.json().get("api_key").asText();
    assertThat(key.header("Set-Cookie")).startsWith("x-api-key=" + apiKey).containsIgnoringCase("HttpOnly");
    assertThat(get("/api/accounts/me", "x-api-key", apiKey).json().get("username").asText()).isEqualTo("tokenuser1");
    assertThat(get("/api/accounts/me/api_key/" + token).status()).as("single use").isEqualTo(404);
    assertThat(get("/api/accounts/auth_token/unknown-token/attach", "x-api-key", apiKey).status()).isEqualTo(404);
  }

  @Test
  void me_api_key_gives_a_fresh_key_and_cookie() {
    createAccount("keyuser01", "key-secret", null);
    Response r = DigestClient.get(server.url(""), "/api/accounts/me/api_key", "keyuser01", DOMAIN, "key-secret", "SHA-256");
    assertThat(r.status()).isEqualTo(200);
    String key = r.json().get("api_key").asText();
    assertThat(r.header("Set-Cookie")).startsWith("x-api-key=" + key);
    assertThat(get("/api/accounts/me", "Cookie", "x-api-key=" + key).status()).isEqualTo(200);
    assertThat(get("/api/accounts/me/api_key").status()).isEqualTo(401);
  }

  // Public information, activation and recovery

  @Test
  void info_tells_only_whether_an_account_exists_and_is_active() {
    createAccount("infouser1", "info-secret", "\"email\":\"info1@example.com\"");
    Response r = get("/api/accounts/sip:infouser1@" + DOMAIN + "/info");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("activated").asBoolean()).isTrue();
    assertThat(r.body()).doesNotContain("info1@example.com").doesNotContain("\"id\"");
    assertThat(get("/api/accounts/sip:nobody99@" + DOMAIN + "/info").status()).isEqualTo(404);
  }

  @Test
  void public_creation_mails_a_key_that_activates_the_account() throws Exception {
    Response created = post("/api/accounts/public", "{\"username\":\"public01\",\"password\":\"public-secret\","
        + "\"algorithm\":\"SHA-256\",\"email\":\"public01@example.com\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("activated").asBoolean()).isFalse();
    assertThat(created.body()).doesNotContain("confirmation_key");
    var mail = mailbox.last("public01@example.com");
    assertThat(mail.getSubject()).contains("sip:public01@" + DOMAIN);
    String key = Mailbox.code(Mailbox.body(mail));
    String sip = "sip:public01@" + DOMAIN;
    assertThat(post("/api/accounts/" + sip + "/activate/email", "{\"confirmation_key\":\"000000\"}").status())
        .isEqualTo(404);
    Response activated = post("/api/accounts/" + sip + "/activate/email", "{\"confirmation_key\":\"" + key + "\"}");
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    assertThat(activated.json().get("activated").asBoolean()).isTrue();
    assertThat(post("/api/accounts/" + sip + "/activate/email", "{\"confirmation_key\":\"" + key + "\"}").status())
        .as("the key works once").isEqualTo(404);
    assertThat(post("/api/accounts/sip:nobody99@" + DOMAIN + "/activate/email", "{\"confirmation_key\":\"1\"}").status())
        .isEqualTo(404);
  }

  @Test
  void public_creation_by_phone_texts_a_pin_and_recovery_works_by_phone() {
    gateway.clear();
    Response created = post("/api/accounts/public",
        "{\"phone\":\"+33612345670\",\"password\":\"phone-secret\",\"algorithm\":\"MD5\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("username").asText()).isEqualTo("+33612345670");
    Recorder.Request sms = gateway.take(Duration.ofSeconds(15));
    assertThat(sms.path()).isEqualTo("/sms");
    assertThat(sms.header("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
        .encodeToString("smsuser:smspass".getBytes()));
    JsonNode smsBody = new Response(200, null, sms.body()).json();
    assertThat(smsBody.get("to").asText()).isEqualTo("+33612345670");
    String pin = Mailbox.code(smsBody.get("text").asText());
    String sip = "sip:+33612345670@" + DOMAIN;
    assertThat(post("/api/accounts/" + sip + "/activate/phone", "{\"confirmation_key\":\"" + pin + "\"}").status())
        .isEqualTo(200);

    Response byPhone = get("/api/accounts/+33612345670/info-by-phone");
    assertThat(byPhone.status()).isEqualTo(200);
    assertThat(byPhone.json().get("phone").asBoolean()).isTrue();
    assertThat(post("/api/accounts/recover-by-phone", "{\"phone\":\"+33699999999\"}").status()).isEqualTo(404);
    assert422(post("/api/accounts/recover-by-phone", "{}"), "phone");
    gateway.clear();
    assertThat(post("/api/accounts/recover-by-phone", "{\"phone\":\"+33612345670\"}").status()).isEqualTo(200);
    String code = Mailbox.code(new Response(200, null, gateway.take(Duration.ofSeconds(15)).body()).json()
        .get("text").asText());
    assertThat(get("/api/accounts/" + sip + "/recover/000000").status()).isEqualTo(404);
    Response recovered = get("/api/accounts/" + sip + "/recover/" + code);
    assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
    String ha1 = DigestClient.hash("MD5", "+33612345670:" + DOMAIN + ":phone-secret");
    assertThat(recovered.json().get("passwords").get(0).get("password").asText()).isEqualTo(ha1);
    assertThat(get("/api/accounts/" + sip + "/recover/" + code).status()).as("single use").isEqualTo(404);
  }

  @Test
  void public_creation_validates_its_input() {
    assert422(post("/api/accounts/public", "{\"password\":\"x\",\"algorithm\":\"MD5\"}"), "username", "phone", "password");
    assert422(post("/api/accounts/public", "{\"username\":\"public02\",\"password\":\"secret1\",\"algorithm\":\"MD5\","
        + "\"email\":\"not-an-email\",\"phone\":\"+1\"}"), "email", "phone");
  }

  @Test
  void an_expired_confirmation_key_is_403() {
    Response created = asAdmin("POST", "/api/accounts", "{\"username\":\"expiring1\",\"password\":\"expiring-secret\","
        + "\"algorithm\":\"MD5\",\"confirmation_key_expires\":\"2020-01-01 00:00:00\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String key = created.json().get("confirmation_key").asText();
    assertThat(created.json().get("provisioning_token").asText()).isNotBlank();
    assertThat(post("/api/accounts/sip:expiring1@" + DOMAIN + "/activate/email",
        "{\"confirmation_key\":\"" + key + "\"}").status()).isEqualTo(403);
    assert422(asAdmin("POST", "/api/accounts", "{\"username\":\"expiring2\",\"password\":\"expiring-secret\","
        + "\"algorithm\":\"MD5\",\"confirmation_key_expires\":\"tomorrow\"}"), "confirmation_key_expires");
  }

  // The account itself

  @Test
  void me_provision_delete_and_401_afterwards() {
    createAccount("selfuser1", "self-secret", null);
    String key = keyFor("selfuser1", "self-secret");
    Response provision = get("/api/accounts/me/provision", "x-api-key", key);
    assertThat(provision.status()).isEqualTo(200);
    assertThat(provision.json().get("provisioning_token").asText()).hasSize(32);
    assertThat(get("/api/accounts/me", "x-api-key", key).body()).doesNotContain("provisioning_token");
    assertThat(Http.send("DELETE", server.url("/api/accounts/me"), null).status()).isEqualTo(401);
    assertThat(Http.send("DELETE", server.url("/api/accounts/me"), null, "x-api-key", key).status()).isEqualTo(200);
    assertThat(get("/api/accounts/me", "x-api-key", key).status()).isEqualTo(401);
  }

  @Test
  void changing_the_password_needs_the_old_one_and_keeps_both_hashes_for_one_password() {
    createAccount("pwuser001", "old-secret", null);
    String key = keyFor("pwuser001", "old-secret");
    assert422(post("/api/accounts/me/password", "{\"algorithm\":\"MD5\",\"password\":\"new-secret\"}", "x-api-key", key),
        "old_password");
    assert422(post("/api/accounts/me/password", "{\"algorithm\":\"MD5\",\"password\":\"new-secret\","
        + "\"old_password\":\"wrong-one\"}", "x-api-key", key), "old_password");
    assert422(post("/api/accounts/me/password", "{\"algorithm\":\"MD6\",\"password\":\"1\",\"old_password\":\"old-secret\"}",
        "x-api-key", key), "algorithm", "password");
    Response md5 = post("/api/accounts/me/password", "{\"algorithm\":\"MD5\",\"password\":\"new-secret\","
        + "\"old_password\":\"old-secret\"}", "x-api-key", key);
    assertThat(md5.status()).as(md5.body()).isEqualTo(200);
    assertThat(md5.json().get("passwords").findValuesAsText("algorithm")).containsExactly("MD5");
    Response sha = post("/api/accounts/me/password", "{\"algorithm\":\"SHA-256\",\"password\":\"new-secret\","
        + "\"old_password\":\"new-secret\"}", "x-api-key", key);
    assertThat(sha.json().get("passwords").findValuesAsText("algorithm")).containsExactly("MD5", "SHA-256");
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "pwuser001", DOMAIN, "new-secret", "MD5").status())
        .isEqualTo(200);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "pwuser001", DOMAIN, "new-secret", "SHA-256").status())
        .isEqualTo(200);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "pwuser001", DOMAIN, "old-secret", "SHA-256").status())
        .isEqualTo(401);
  }

  @Test
  void an_email_change_applies_only_with_the_mailed_code() throws Exception {
    createAccount("mailuser1", "mail-secret", "\"email\":\"before@example.com\"");
    String key = keyFor("mailuser1", "mail-secret");
    assert422(post("/api/accounts/me/email/request", "{\"email\":\"nope\"}", "x-api-key", key), "email");
    assertThat(post("/api/accounts/me/email/request", "{\"email\":\"after@example.com\"}", "x-api-key", key).status())
        .isEqualTo(200);
    String code = Mailbox.code(Mailbox.body(mailbox.last("after@example.com")));
    assertThat(get("/api/accounts/me", "x-api-key", key).json().get("email").asText()).isEqualTo("before@example.com");
    assert422(post("/api/accounts/me/email", "{\"code\":\"999999\"}", "x-api-key", key), "code");
    Response changed = post("/api/accounts/me/email", "{\"code\":\"" + code + "\"}", "x-api-key", key);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("email").asText()).isEqualTo("after@example.com");
    assert422(post("/api/accounts/me/email", "{\"code\":\"" + code + "\"}", "x-api-key", key), "code");
    assertThat(post("/api/accounts/me/email/request", "{\"email\":\"x@example.com\"}").status()).isEqualTo(401);
  }

  @Test
  void a_phone_change_applies_with_the_texted_code() {
    createAccount("smsuser01", "sms-secret", null);
    String key = keyFor("smsuser01", "sms-secret");
    assert422(post("/api/accounts/me/phone/request", "{\"phone\":\"0612345678\"}", "x-api-key", key), "phone");
    gateway.clear();
    assertThat(post("/api/accounts/me/phone/request", "{\"phone\":\"+33 6 12 34 56 71\"}", "x-api-key", key).status())
        .isEqualTo(200);
    JsonNode sms = new Response(200, null, gateway.take(Duration.ofSeconds(15)).body()).json();
    assertThat(sms.get("to").asText()).isEqualTo("+33612345671");
    Response changed = post("/api/accounts/me/phone", "{\"code\":\"" + Mailbox.code(sms.get("text").asText()) + "\"}",
        "x-api-key", key);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("phone").asText()).isEqualTo("+33612345671");
    assertThat(changed.json().get("activated").asBoolean()).isTrue();
  }

  // Admin

  @Test
  void admin_creates_reads_updates_and_deletes_accounts() {
    Response created = asAdmin("POST", "/api/accounts", "{\"username\":\"managed01\",\"password\":\"managed-secret\","
        + "\"algorithm\":\"SHA-256\",\"display_name\":\"Managed One\",\"email\":\"managed01@example.com\","
        + "\"phone\":\"+33612345672\",\"dtmf_protocol\":\"sipinfo\",\"activated\":true,\"admin\":false}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.json().get("display_name").asText()).isEqualTo("Managed One");
    assertThat(created.body()).doesNotContain("confirmation_key");

    assert422(asAdmin("POST", "/api/accounts", "{\"username\":\"managed01\",\"password\":\"managed-secret\","
        + "\"algorithm\":\"SHA-256\"}"), "username");
    assert422(asAdmin("POST", "/api/accounts", "{\"username\":\"managed02\",\"password\":\"managed-secret\","
        + "\"algorithm\":\"SHA-256\",\"email\":\"managed01@example.com\"}"), "email");

    assertThat(asAdmin("GET", "/api/accounts/" + id, null).json().get("username").asText()).isEqualTo("managed01");
    assertThat(asAdmin("GET", "/api/accounts/999999", null).status()).isEqualTo(404);
    assertThat(asAdmin("GET", "/api/accounts/sip:managed01@" + DOMAIN + "/search", null).json().get("id").asLong())
        .isEqualTo(id);
    assertThat(asAdmin("GET", "/api/accounts/sip:nobody99@" + DOMAIN + "/search", null).status()).isEqualTo(404);
    assertThat(asAdmin("GET", "/api/accounts/managed01@example.com/search-by-email", null).json().get("id").asLong())
        .isEqualTo(id);

    Response updated = asAdmin("PUT", "/api/accounts/" + id, "{\"username\":\"managed03\",\"password\":\"other-secret\","
        + "\"algorithm\":\"MD5\",\"display_name\":\"Renamed\",\"admin\":true}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("username").asText()).isEqualTo("managed03");
    assertThat(updated.json().get("admin").asBoolean()).isTrue();
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "managed03", DOMAIN, "other-secret", "MD5").status())
        .isEqualTo(200);
    assert422(asAdmin("PUT", "/api/accounts/" + id, "{\"display_name\":\"x\"}"), "password", "algorithm");

    assertThat(asAdmin("POST", "/api/accounts/" + id + "/deactivate", null).json().get("activated").asBoolean()).isFalse();
    assertThat(asAdmin("POST", "/api/accounts/" + id + "/activate", null).json().get("activated").asBoolean()).isTrue();
    assertThat(asAdmin("POST", "/api/accounts/" + id + "/block", null).json().get("blocked").asBoolean()).isTrue();
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "managed03", DOMAIN, "other-secret", "MD5").status())
        .isEqualTo(403);
    assertThat(asAdmin("POST", "/api/accounts/" + id + "/unblock", null).json().get("blocked").asBoolean()).isFalse();
    assertThat(asAdmin("GET", "/api/accounts/" + id + "/provision", null).json().get("provisioning_token").asText())
        .hasSize(32);

    assertThat(asAdmin("DELETE", "/api/accounts/" + id, null).status()).isEqualTo(200);
    assertThat(asAdmin("GET", "/api/accounts/" + id, null).status()).isEqualTo(404);
    assertThat(asAdmin("DELETE", "/api/accounts/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void the_account_list_is_a_laravel_paginator() {
    for (int i = 0; i < 3; i++) {
      createAccount("listed0" + i, "listed-secret", null);
    }
    Response page = asAdmin("GET", "/api/accounts?per_page=2&page=2", null);
    assertThat(page.status()).isEqualTo(200);
    JsonNode json = page.json();
    assertThat(json.get("current_page").asInt()).isEqualTo(2);
    assertThat(json.get("per_page").asInt()).isEqualTo(2);
    assertThat(json.get("data")).hasSize(2);
    assertThat(json.get("total").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(json.get("from").asLong()).isEqualTo(3);
    assertThat(json.get("to").asLong()).isEqualTo(4);
    assertThat(json.get("prev_page_url").asText()).contains("page=1");
    for (String key : new String[] {"first_page_url", "last_page", "last_page_url", "links", "next_page_url", "path"}) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.get("data").findValuesAsText("domain")).containsOnly(DOMAIN);
    assert422(asAdmin("GET", "/api/accounts?page=zero", null), "page");
    Response other = Http.get(server.url("/api/accounts"), "x-api-key", otherAdminKey);
    assertThat(other.json().get("data").findValuesAsText("domain")).containsOnly(OTHER);
  }

  @Test
  void users_get_403_and_anonymous_401_on_admin_endpoints() {
    createAccount("notadmin1", "notadmin-secret", null);
    String userKey = keyFor("notadmin1", "notadmin-secret");
    String[][] endpoints = {{"POST", "/api/accounts"}, {"GET", "/api/accounts"}, {"GET", "/api/accounts/1"},
        {"PUT", "/api/accounts/1"}, {"DELETE", "/api/accounts/1"}, {"GET", "/api/accounts/sip:admin01@" + DOMAIN + "/search"},
        {"GET", "/api/accounts/a@example.com/search-by-email"}, {"POST", "/api/accounts/1/activate"},
        {"POST", "/api/accounts/1/deactivate"}, {"POST", "/api/accounts/1/block"}, {"POST", "/api/accounts/1/unblock"},
        {"GET", "/api/accounts/1/provision"}, {"POST", "/api/account_creation_tokens"}};
    for (String[] e : endpoints) {
      assertThat(Http.send(e[0], server.url(e[1]), "{}").status()).as(e[0] + " " + e[1] + " anonymous").isEqualTo(401);
      assertThat(Http.send(e[0], server.url(e[1]), "{}", "x-api-key", userKey).status()).as(e[0] + " " + e[1] + " user")
          .isEqualTo(403);
    }
    String[][] userEndpoints = {{"GET", "/api/accounts/me"}, {"DELETE", "/api/accounts/me"},
        {"GET", "/api/accounts/me/provision"}, {"POST", "/api/accounts/me/password"},
        {"POST", "/api/accounts/me/email/request"}, {"POST", "/api/accounts/me/phone/request"},
        {"POST", "/api/accounts/me/phone"}, {"GET", "/api/accounts/me/api_key"}};
    for (String[] e : userEndpoints) {
      assertThat(Http.send(e[0], server.url(e[1]), "{}").status()).as(e[0] + " " + e[1]).isEqualTo(401);
    }
  }

  @Test
  void an_admin_of_one_domain_cannot_touch_another_domains_accounts() {
    long id = createAccount("domainacc1", "domain-secret", null);
    for (String[] e : new String[][] {{"GET", "/api/accounts/" + id}, {"PUT", "/api/accounts/" + id},
        {"DELETE", "/api/accounts/" + id}, {"POST", "/api/accounts/" + id + "/block"},
        {"POST", "/api/accounts/" + id + "/activate"}, {"GET", "/api/accounts/" + id + "/provision"},
        {"GET", "/api/accounts/sip:domainacc1@" + DOMAIN + "/search"}}) {
      Response r = Http.send(e[0], server.url(e[1]), "{\"password\":\"whatever1\",\"algorithm\":\"MD5\"}",
          "x-api-key", otherAdminKey);
      assertThat(r.status()).as(e[0] + " " + e[1]).isEqualTo(403);
    }
    Response created = Http.send("POST", server.url("/api/accounts"), "{\"username\":\"otherdom1\","
        + "\"password\":\"other-secret\",\"algorithm\":\"MD5\",\"domain\":\"" + DOMAIN + "\"}", "x-api-key", otherAdminKey);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("domain").asText()).as("the domain is not configurable").isEqualTo(OTHER);
  }
}
