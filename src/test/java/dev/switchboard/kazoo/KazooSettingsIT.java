package dev.switchboard.kazoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Kazoo settings that change behaviour: kazoo.token_ttl_seconds (a token stops working at its
 * exp), kazoo.users_manage_all_devices (Kazoo's laxer rule), the shared login limiter (429) and
 * app.admins_manage_multi_domains (only a super_admin makes a Kazoo admin).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KazooSettingsIT {
  static final String ACME = "acme.example.org";

  ServerProcess server;

  @BeforeAll
  void start() {
    server = ServerProcess.start(TestDatabase.sqlite(), Map.of("SWITCHBOARD_KAZOO_TOKEN_TTL_SECONDS", "2",
        "SWITCHBOARD_KAZOO_USERS_MANAGE_ALL_DEVICES", "true", "SWITCHBOARD_AUTH_MAX_FAILURES", "3",
        "SWITCHBOARD_APP_ADMINS_MANAGE_MULTI_DOMAINS", "true"));
    assertThat(server.cli("accounts", "create-admin", "--username", "admin01", "--domain", ACME, "--password",
        "admin-secret").exitCode()).isZero();
    assertThat(server.cli("accounts", "create-admin", "--username", "root0001", "--domain", "root.example.org",
        "--password", "root-secret", "--super-admin").exitCode()).isZero();
    assertThat(server.cli("accounts", "create", "--username", "plainuser", "--domain", ACME, "--password",
        "plain-secret").exitCode()).isZero();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void a_token_is_refused_once_its_exp_has_passed() throws InterruptedException {
    Crossbar c = new Crossbar(server.url("")).login("admin01", "admin-secret", ACME);
    JsonNode claims = c.ok(c.get("/v2/token_auth"), 200);
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(2);
    c.ok(c.get(c.devices()), 200);
    Thread.sleep(3_000);
    Http.Response r = c.get(c.devices());
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.json().get("message").asText()).isEqualTo("invalid_credentials");
  }

  @Test
  @Order(2)
  void with_users_manage_all_devices_a_user_changes_a_device_it_does_not_own() {
    Crossbar admin = new Crossbar(server.url("")).login("admin01", "admin-secret", ACME);
    JsonNode d = admin.ok(admin.write("PUT", admin.devices(), "{\"name\":\"Admin's\",\"owner_id\":\"" + admin.ownerId
        + "\"}"), 201);
    Crossbar user = new Crossbar(server.url("")).login("plainuser", "plain-secret", ACME);
    JsonNode changed = user.ok(user.write("PATCH", user.devices() + "/" + d.get("id").asText(), "{\"name\":\"Mine\"}"), 200);
    assertThat(changed.get("name").asText()).isEqualTo("Mine");
    Http.Response key = user.get("/v2/accounts/" + user.accountId + "/api_key");
    assertThat(key.status()).as("admin-only routes stay admin-only").isEqualTo(403);
  }

  @Test
  @Order(3)
  void failed_logins_are_limited_per_source_like_the_other_faces() {
    Crossbar c = new Crossbar(server.url(""));
    for (int i = 0; i < 3; i++) {
      assertThat(c.userAuth("admin01", "wrong-" + i, "account_realm", ACME).status()).isEqualTo(401);
    }
    Http.Response limited = c.userAuth("admin01", "admin-secret", "account_realm", ACME);
    assertThat(limited.status()).as(limited.body()).isEqualTo(429);
    assertThat(limited.json().get("message").asText()).isEqualTo("too_many_requests");
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  @Test
  @Order(0)
  void with_admins_managing_every_domain_only_a_super_admin_grants_priv_level_admin() {
    Crossbar admin = new Crossbar(server.url("")).login("admin01", "admin-secret", ACME);
    String users = "/v2/accounts/" + admin.accountId + "/users";
    Http.Response minted = admin.write("PUT", users, "{\"username\":\"minted01\",\"first_name\":\"M\","
        + "\"last_name\":\"A\",\"password\":\"minted-secret\",\"priv_level\":\"admin\"}");
    assertThat(minted.status()).as(minted.body()).isEqualTo(403);
    JsonNode user = admin.ok(admin.write("PUT", users, "{\"username\":\"minted02\",\"first_name\":\"M\","
        + "\"last_name\":\"U\",\"password\":\"minted-secret\",\"priv_level\":\"user\"}"), 201);
    Http.Response promoted = admin.write("PATCH", users + "/" + user.get("id").asText(), "{\"priv_level\":\"admin\"}");
    assertThat(promoted.status()).as(promoted.body()).isEqualTo(403);
    Crossbar root = new Crossbar(server.url("")).login("root0001", "root-secret", "root.example.org");
    JsonNode granted = root.ok(root.write("PATCH", users + "/" + user.get("id").asText(), "{\"priv_level\":\"admin\"}"),
        200);
    assertThat(granted.get("priv_level").asText()).isEqualTo("admin");
  }
}
