package dev.switchboard.hermes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.DigestClient;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Hermes face, black-box: every node's success and documented causes, access levels, one store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HermesTests {
  static final String DOMAIN = "voip.example.org";
  static final String OTHER = "other.example.org";

  TestDatabase db;
  ServerProcess server;
  HermesClient root;

  abstract TestDatabase database();

  @BeforeAll
  void start() {
    db = database();
    server = ServerProcess.start(db, Map.of("SWITCHBOARD_AUTH_MAX_FAILURES", "10000"));
    assertThat(server.cli("accounts", "create-admin", "--username", "root0001", "--domain", DOMAIN, "--password",
        "root-secret", "--super-admin").exitCode()).isZero();
    assertThat(server.cli("domains", "create", OTHER).exitCode()).isZero();
    root = client().login("user", "root0001@" + DOMAIN, "password", "root-secret");
    ok(root.call("domain/set_servers", "domain", DOMAIN, "registrar", "sip." + DOMAIN, "r_port", "5060",
        "proxy", "proxy." + DOMAIN, "p_port", "5060", "prov_url", "https://prov." + DOMAIN + "/"));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  HermesClient client() {
    return new HermesClient(server.url(""));
  }

  static JsonNode ok(JsonNode r) {
    assertThat(r.get("response").asText()).as(r.toString()).isEqualTo("ok");
    return r;
  }

  static void fails(JsonNode r, String response, String cause) {
    assertThat(r.get("response").asText()).as(r.toString()).isEqualTo(response);
    assertThat(r.get("cause").asText()).as(r.toString()).isEqualTo(cause);
  }

  @Test
  void login_ping_rotates_the_key_and_logout_ends_the_session() {
    fails(client().call("auth/login", "user", "root0001@" + DOMAIN, "password", "wrong"), "failed", "unauthorized");
    fails(client().call("auth/login", "username", "nobody99", "domain", DOMAIN, "password", "x"), "failed", "unauthorized");
    Http.Response login = client().raw("auth/login", "username", "root0001", "domain", DOMAIN, "password", "root-secret");
    assertThat(login.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("session="))
        .anySatisfy(c -> assertThat(c).startsWith("auth_key="));
    HermesClient c = client().login("user", "sip:root0001@" + DOMAIN, "password", "root-secret");
    ok(c.call("domain/list"));
    String old = c.authKey;
    JsonNode pong = c.call("auth/ping");
    assertThat(pong.get("response").asText()).isEqualTo("pong");
    c.authKey = pong.get("auth_key").asText();
    assertThat(c.authKey).isNotEqualTo(old);
    ok(c.call("domain/list"));
    ok(c.call("auth/logout"));
    fails(c.call("domain/list"), "failed", "unauthorized");
    fails(client().call("user/list"), "failed", "unauthorized");
  }

  @Test
  void session_and_auth_key_work_from_cookies_and_post_forms_and_json() {
    HermesClient c = client().login("user", "root0001@" + DOMAIN, "password", "root-secret");
    Http.Response viaCookie = Http.get(server.url("/hermes/api/domain/list"), "Cookie",
        "session=" + c.session + "; auth_key=" + c.authKey);
    assertThat(viaCookie.json().get("response").asText()).isEqualTo("ok");
    Http.Response form = dev.switchboard.flexiapi.FormPost.send(server.url("/hermes/api/user/available"),
        "session=" + c.session + "&auth_key=" + c.authKey + "&user=free0001%40" + DOMAIN);
    assertThat(form.json().get("cause").asText()).isEqualTo("nonexistant");
    Http.Response json = Http.send("POST", server.url("/hermes/api/user/available"),
        "{\"session\":\"" + c.session + "\",\"auth_key\":\"" + c.authKey + "\",\"username\":\"free0001\",\"domain\":\""
            + DOMAIN + "\"}");
    assertThat(json.json().get("cause").asText()).isEqualTo("nonexistant");
  }

  @Test
  void domains_servers_need_all_six_numeric_parameters() {
    JsonNode missing = root.call("domain/set_servers", "domain", OTHER, "registrar", "r.example.org");
    fails(missing, "failed", "parameters");
    assertThat(missing.get("description").asText()).isNotBlank();
    fails(root.call("domain/set_servers", "domain", OTHER, "registrar", "r", "r_port", "five", "proxy", "p",
        "p_port", "5060", "prov_url", "u"), "failed", "parameters");
    JsonNode servers = ok(root.call("domain/get_servers", "domain", DOMAIN)).get("servers");
    assertThat(servers.get("registrar").asText()).isEqualTo("sip." + DOMAIN);
    assertThat(servers.get("r_port").asInt()).isEqualTo(5060);
    fails(root.call("domain/get_servers", "domain", "nowhere.example.org"), "failed", "nonexistant");
    assertThat(ok(root.call("domain/list")).get("list").findValuesAsText("")).isEmpty();
    assertThat(root.call("domain/list").get("list").toString()).contains(DOMAIN).contains(OTHER);
  }

  @Test
  void a_hermes_user_logs_in_through_flexiapi_and_change_pw_reaches_every_face() {
    fails(root.call("user/add", "user", "nosrv001@" + OTHER), "failed", "servfail");
    JsonNode added = ok(root.call("user/add", "user", "line0001@" + DOMAIN)).get("user");
    assertThat(added.get("type").asText()).isEqualTo("local");
    String password = added.get("password").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(8);
    assertThat(added.get("ha1").asText()).isEqualTo(DigestClient.hash("MD5", "line0001:" + DOMAIN + ":" + password));
    assertThat(added.get("ha1b").asText())
        .isEqualTo(DigestClient.hash("MD5", "line0001@" + DOMAIN + ":" + DOMAIN + ":" + password));
    for (String key : new String[] {"username", "domain", "authid", "registrar", "r_port", "proxy", "p_port", "dialplan",
        "displayname", "linetext", "email", "rpid", "permittedcalls"}) {
      assertThat(added.has(key)).as(key).isTrue();
    }
    fails(root.call("user/add", "user", "line0001@" + DOMAIN), "failed", "exists");
    fails(root.call("user/add", "user", "not an address"), "failed", "invalid");
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "line0001", DOMAIN, password, "SHA-256").status())
        .isEqualTo(200);

    ok(root.call("user/change_pw", "user", "line0001@" + DOMAIN, "password", "changed-secret"));
    assertThat(ok(root.call("user/get", "user", "line0001@" + DOMAIN)).get("user").get("password").asText())
        .isEqualTo("changed-secret");
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "line0001", DOMAIN, "changed-secret", "MD5").status())
        .isEqualTo(200);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "line0001", DOMAIN, "changed-secret", "SHA-256")
        .status()).isEqualTo(200);
    fails(root.call("user/change_pw", "user", "ghost001@" + DOMAIN, "password", "whatever1"), "failed", "nonexistant");
  }

  @Test
  void a_flexiapi_account_is_a_hermes_user_without_a_cleartext_password() {
    server.cli("accounts", "create", "--username", "flexi001", "--domain", DOMAIN, "--password", "flexi-secret");
    JsonNode user = ok(root.call("user/get", "username", "flexi001", "domain", DOMAIN)).get("user");
    assertThat(user.get("password").asText()).isEmpty();
    assertThat(user.get("ha1").asText()).isEqualTo(DigestClient.hash("MD5", "flexi001:" + DOMAIN + ":flexi-secret"));
    fails(root.call("user/get", "user", "ghost001@" + DOMAIN), "failed", "nonexistant");
    fails(root.call("user/available", "user", "flexi001@" + DOMAIN), "failed", "exists");
    assertThat(ok(root.call("user/available", "user", "free0002@" + DOMAIN)).get("cause").asText()).isEqualTo("nonexistant");
  }

  @Test
  void user_list_globs_email_update_and_create_password() {
    ok(root.call("user/add", "user", "globber1@" + DOMAIN));
    ok(root.call("user/add", "user", "globber2@" + DOMAIN));
    JsonNode list = ok(root.call("user/list", "search", "globber?@*", "limit", "10")).get("list");
    assertThat(list.findValuesAsText("user")).containsExactly("globber1@" + DOMAIN, "globber2@" + DOMAIN);
    assertThat(ok(root.call("user/list", "search", "glob*", "limit", "1")).get("list")).hasSize(1);
    JsonNode email = ok(root.call("user/change_email", "user", "globber1@" + DOMAIN, "email", "g1@example.com"));
    assertThat(email.get("email").asText()).isEqualTo("g1@example.com");
    fails(root.call("user/change_email", "user", "globber1@" + DOMAIN, "email", "bad"), "failed", "invalid");

    JsonNode update = ok(root.call("user/update", "user", "globber1@" + DOMAIN, "displayname", "Glob One",
        "email", "g1@example.com", "r_port", "5070"));
    assertThat(update.get("updated").findValuesAsText("")).isEmpty();
    assertThat(update.get("updated").toString()).contains("displayname").contains("r_port");
    assertThat(update.get("skipped").toString()).contains("email");
    JsonNode failed = root.call("user/update", "user", "globber1@" + DOMAIN, "p_port", "huge");
    assertThat(failed.get("failed").toString()).contains("p_port");
    assertThat(ok(root.call("user/get", "user", "globber1@" + DOMAIN)).get("user").get("displayname").asText())
        .isEqualTo("Glob One");

    Http.Response password = root.raw("user/create_password");
    assertThat(password.header("Content-Type")).startsWith("text/plain");
    assertThat(password.body()).matches("[A-Za-z0-9]{10}");
  }

  @Test
  void remote_users_phones_and_removal_in_use() {
    fails(root.call("user/add_remote", "user", "remote01@" + DOMAIN, "password", "remote-secret"), "failed", "domain");
    JsonNode remote = ok(root.call("user/add_remote", "user", "remote01@carrier.example.net", "password",
        "remote-secret", "registrar", "reg.carrier.example.net", "r_port", "5080")).get("user");
    assertThat(remote.get("type").asText()).isEqualTo("remote");
    assertThat(remote.get("password").asText()).isEqualTo("remote-secret");
    assertThat(remote.has("ha1")).isFalse();

    ok(root.call("user/add", "user", "phone001@" + DOMAIN));
    JsonNode added = ok(root.call("phone/add", "mac", "00:1A:2b:3C:4d:5E", "user", "phone001@" + DOMAIN));
    assertThat(added.get("mac").asText()).isEqualTo("001a2b3c4d5e");
    fails(root.call("phone/add", "mac", "001A2B3C4D5E", "user", "phone001@" + DOMAIN), "failed", "exists");
    fails(root.call("phone/add", "mac", "00:1A:2B", "user", "phone001@" + DOMAIN), "failed", "invalid");
    fails(root.call("phone/add", "mac", "001a2b3c4d5f", "user", "ghost001@" + DOMAIN), "failed", "nonexistant");
    ok(root.call("phone/add", "mac", "001a2b3c4d5e", "user", "remote01@carrier.example.net"));
    assertThat(ok(root.call("phone/get", "mac", "00-1a-2b-3c-4d-5e")).get("list").toString())
        .contains("phone001@" + DOMAIN).contains("remote01@carrier.example.net");
    assertThat(ok(root.call("phone/get", "user", "phone001@" + DOMAIN)).get("list").get(0).asText())
        .isEqualTo("001a2b3c4d5e");
    assertThat(ok(root.call("phone/list", "search", "001a2b*")).get("list").get(0).asText()).isEqualTo("001a2b3c4d5e");
    fails(root.call("user/remove", "user", "phone001@" + DOMAIN), "failed", "inuse");
    ok(root.call("phone/remove", "mac", "001a2b3c4d5e", "user", "phone001@" + DOMAIN));
    fails(root.call("phone/remove", "mac", "001a2b3c4d5e", "user", "phone001@" + DOMAIN), "failed", "nonexistant");
    ok(root.call("user/remove", "user", "phone001@" + DOMAIN));
    fails(root.call("user/get", "user", "phone001@" + DOMAIN), "failed", "nonexistant");
  }

  @Test
  void the_number_pool_and_e164_aliases() {
    fails(root.call("number/add", "number", "12345"), "failed", "rejected");
    ok(root.call("number/add", "number", "+4721000000"));
    fails(root.call("number/add", "number", "+4721000000"), "failed", "exists");
    JsonNode range = ok(root.call("number/add_range", "start", "+4721000001", "end", "+4721000009"));
    assertThat(range.get("added").asInt()).isEqualTo(9);
    fails(root.call("number/add_range", "start", "+4721000009", "end", "+4721000001"), "failed", "rejected");
    fails(root.call("number/add_range", "start", "+4721000000", "end", "+4721999999"), "failed", "rejected");
    assertThat(ok(root.call("number/list", "search", "2100000", "limit", "3")).get("list")).hasSize(3);
    assertThat(ok(root.call("number/list", "random", "1", "search", "+47210000")).get("list")).hasSize(10);
    fails(root.call("number/list", "search", "+1999"), "failed", "empty");
    ok(root.call("number/check", "number", "+4721000005"));
    ok(root.call("number/remove", "number", "+4721000005"));
    fails(root.call("number/check", "number", "+4721000005"), "failed", "nonexistant");
    fails(root.call("number/remove", "number", "+4721000005"), "failed", "nonexistant");

    ok(root.call("user/add", "user", "aliased1@" + DOMAIN));
    fails(root.call("alias/add", "alias", "x@nowhere.example.org", "destination", "aliased1@" + DOMAIN), "failed", "nxdomain");
    fails(root.call("alias/add", "alias", "alias01@" + DOMAIN, "destination", "ghost001@" + DOMAIN), "failed", "nonexistant");
    fails(root.call("alias/add", "alias", "aliased1@" + DOMAIN, "destination", "aliased1@" + DOMAIN), "failed", "exists");
    fails(root.call("alias/add", "alias", "not valid", "destination", "aliased1@" + DOMAIN), "invalid", "alias");
    JsonNode alias = ok(root.call("alias/add", "alias_username", "+4721000001", "alias_domain", DOMAIN,
        "destination", "aliased1@" + DOMAIN));
    assertThat(alias.get("alias").asText()).isEqualTo("+4721000001@" + DOMAIN);
    fails(root.call("number/check", "number", "+4721000001"), "failed", "nonexistant");
    fails(root.call("alias/add", "alias", "+4721000002@" + DOMAIN, "destination", "aliased1@" + DOMAIN), "failed", "exists");
    ok(root.call("alias/add", "alias", "bob.alias@" + DOMAIN, "destination", "aliased1@" + DOMAIN));
    assertThat(ok(root.call("alias/list", "destination", "aliased1@" + DOMAIN)).get("list")).hasSize(2);
    assertThat(ok(root.call("alias/list", "destination", "aliased1@" + DOMAIN, "e164", "true")).get("list")).hasSize(1);
    assertThat(ok(root.call("alias/list", "alias", "bob.alias@" + DOMAIN)).get("list").get(0).get("destination").asText())
        .isEqualTo("aliased1@" + DOMAIN);
    fails(root.call("user/remove", "user", "aliased1@" + DOMAIN), "failed", "inuse");
    fails(root.call("user/available", "user", "bob.alias@" + DOMAIN), "failed", "exists");
    ok(root.call("alias/remove", "alias", "+4721000001@" + DOMAIN));
    ok(root.call("number/check", "number", "+4721000001"));
    fails(root.call("alias/remove", "alias", "+4721000001@" + DOMAIN), "failed", "nonexistant");
  }

  @Test
  void access_levels_grants_and_host_bound_keys() {
    server.cli("accounts", "create", "--username", "reader01", "--domain", DOMAIN, "--password", "reader-secret");
    fails(client().call("auth/login", "user", "reader01@" + DOMAIN, "password", "reader-secret"), "failed", "unauthorized");
    ok(root.call("auth/add_user", "user", "reader01@" + DOMAIN, "access", "limited_read"));
    fails(root.call("auth/add_user", "user", "ghost001@" + DOMAIN, "access", "read"), "failed", "nonexistant");
    fails(root.call("auth/add_user", "user", "reader01@" + DOMAIN, "access", "superuser"), "invalid", "parameters");
    assertThat(ok(root.call("auth/list_users")).get("list").toString()).contains("reader01@" + DOMAIN);

    HermesClient reader = client().login("user", "reader01@" + DOMAIN, "password", "reader-secret");
    ok(reader.call("user/get", "user", "root0001@" + DOMAIN));
    fails(reader.call("user/get", "user", "x@" + OTHER), "failed", "unauthorized");
    fails(reader.call("user/add", "user", "newuser1@" + DOMAIN), "failed", "unauthorized");
    fails(reader.call("auth/list_keys"), "failed", "unauthorized");
    assertThat(ok(reader.call("domain/list")).get("list").toString()).doesNotContain(OTHER);

    ok(root.call("auth/add_user", "user", "reader01@" + DOMAIN, "access", "3"));
    HermesClient writer = client().login("user", "reader01@" + DOMAIN, "password", "reader-secret");
    ok(writer.call("user/add", "user", "newuser1@" + DOMAIN));
    fails(writer.call("auth/add_key", "host", "127.0.0.1", "access", "read"), "failed", "unauthorized");
    ok(root.call("auth/remove_user", "user", "reader01@" + DOMAIN));
    fails(client().call("auth/login", "user", "reader01@" + DOMAIN, "password", "reader-secret"), "failed", "unauthorized");

    JsonNode local = ok(root.call("auth/add_key", "host", "127.0.0.1", "access", "read"));
    String key = local.get("key").asText();
    HermesClient byKey = client().login("key", key);
    ok(byKey.call("user/get", "user", "root0001@" + DOMAIN));
    fails(byKey.call("user/add", "user", "newuser2@" + DOMAIN), "failed", "unauthorized");
    String elsewhere = ok(root.call("auth/add_key", "host", "10.20.0.0/16", "access", "admin")).get("key").asText();
    fails(client().call("auth/login", "key", elsewhere), "failed", "unauthorized");
    fails(root.call("auth/add_key", "host", "example.org", "access", "read"), "failed", "invalid");
    JsonNode keys = ok(root.call("auth/list_keys")).get("list");
    assertThat(keys.toString()).doesNotContain(key).contains(key.substring(0, 6)).contains("10.20.0.0/16");
    ok(root.call("auth/remove_key", "key", key));
    fails(client().call("auth/login", "key", key), "failed", "unauthorized");
    fails(root.call("auth/remove_key", "key", key), "failed", "nonexistant");
  }

  @Test
  void api_only_operators_are_created_and_updated() {
    JsonNode created = ok(root.call("auth/create_user", "user", "operator1@" + DOMAIN, "password", "operator-secret"));
    assertThat(created.get("access").asText()).isEqualTo("limited_read");
    fails(root.call("auth/create_user", "user", "operator1@" + DOMAIN, "password", "operator-secret"), "failed", "exists");
    HermesClient op = client().login("user", "operator1@" + DOMAIN, "password", "operator-secret");
    fails(op.call("user/add", "user", "opuser01@" + DOMAIN), "failed", "unauthorized");
    ok(root.call("auth/update_user", "user", "operator1@" + DOMAIN, "password", "operator-new", "access", "write"));
    HermesClient op2 = client().login("user", "operator1@" + DOMAIN, "password", "operator-new");
    ok(op2.call("user/add", "user", "opuser01@" + DOMAIN));
  }

  @Test
  void unknown_nodes_and_secrets_stay_out_of_the_log() {
    fails(root.call("user/fly"), "invalid", "parameters");
    root.call("user/change_pw", "user", "root0001@" + DOMAIN, "password", "LogSecret-987");
    root.call("user/change_pw", "user", "root0001@" + DOMAIN, "password", "root-secret");
    assertThat(server.log()).doesNotContain("LogSecret-987").doesNotContain(root.authKey).contains("/hermes/api/user/change_pw");
  }
}
