package dev.switchboard.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.switchboard.support.DigestClient;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import dev.switchboard.support.Xml;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Linphone remote provisioning, black-box: the XML parsed per case, the QR code decoded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProvisioningTests {
  static final String DOMAIN = "sip.example.org";
  static final String PUBLIC_URL = "https://voice.example.org";
  static final String[] LINPHONE = {"x-linphone-provisioning", "true"};

  TestDatabase db;
  ServerProcess server;
  String adminKey;

  abstract TestDatabase database();

  @BeforeAll
  void start() throws Exception {
    db = database();
    Path dir = Files.createTempDirectory("sb-prov");
    Path rc = dir.resolve("linphonerc");
    Files.writeString(rc, "# operator settings\n[sip]\nsip_port=-1\nverify_server_certs=1\n\n[net]\n"
        + "stun_server=stun.example.org\n; a comment\n[misc]\nfile_transfer_server_url=https://files.example.org\n");
    Path hook = dir.resolve("hook.peb");
    Files.writeString(hook, "[app]\nhooked={% if account is not null %}{{ account.username }}{% else %}anonymous{% endif %}\n"
        + "[net]\nstun_server=turn.example.org\n");
    server = ServerProcess.start(db, Map.of(
        "SWITCHBOARD_HTTP_PUBLIC_URL", PUBLIC_URL,
        "SWITCHBOARD_PROVISIONING_LINPHONERC", rc.toString(),
        "SWITCHBOARD_PROVISIONING_HOOK_TEMPLATE", hook.toString()));
    assertThat(server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN,
        "--password", "admin-secret").exitCode()).isZero();
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Response get(String path, String... headers) {
    return Http.get(server.url(path), headers);
  }

  /** Creates a deactivated account through the admin API; returns {id, provisioning_token}. */
  String[] createAccount(String username, String displayName) {
    Response r = Http.send("POST", server.url("/api/accounts"), "{\"username\":\"" + username + "\","
        + "\"password\":\"first-secret\",\"algorithm\":\"SHA-256\"" + (displayName == null ? "" : ",\"display_name\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(displayName)) + "}", "x-api-key", adminKey);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new String[] {r.json().get("id").asText(), r.json().get("provisioning_token").asText()};
  }

  @Test
  void anonymous_provisioning_needs_the_linphone_header_and_converts_the_linphonerc() {
    assertThat(get("/provisioning").status()).isEqualTo(400);
    Response r = get("/provisioning", LINPHONE);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/xml");
    var doc = Xml.parse(r.body());
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("config");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.linphone.org/xsds/lpconfig.xsd");
    Map<String, Map<String, String>> sections = Xml.sections(r.body());
    assertThat(sections.get("sip")).containsEntry("sip_port", "-1").containsEntry("verify_server_certs", "1");
    assertThat(sections.get("misc")).containsEntry("file_transfer_server_url", "https://files.example.org")
        .containsEntry("contacts-vcard-list", PUBLIC_URL + "/contacts/vcard");
    assertThat(sections.get("net")).as("the hook overrides").containsEntry("stun_server", "turn.example.org");
    assertThat(sections.get("app")).containsEntry("hooked", "anonymous");
    assertThat(sections).doesNotContainKey("auth_info_0");
    assertThat(r.body()).contains("overwrite=\"true\"");
  }

  @Test
  void a_provisioning_token_gives_the_account_activates_it_and_is_consumed() {
    String[] account = createAccount("provis01", null);
    Response r = get("/provisioning/" + account[1], LINPHONE);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, Map<String, String>> sections = Xml.sections(r.body());
    assertThat(sections.get("auth_info_0")).containsEntry("username", "provis01").containsEntry("domain", DOMAIN)
        .containsEntry("realm", DOMAIN).containsEntry("algorithm", "SHA-256")
        .containsEntry("ha1", DigestClient.hash("SHA-256", "provis01:" + DOMAIN + ":first-secret"))
        .doesNotContainKey("passwd");
    assertThat(sections.get("proxy_0")).containsEntry("reg_identity", "sip:provis01@" + DOMAIN);
    assertThat(sections.get("app")).containsEntry("hooked", "provis01");
    assertThat(r.body()).doesNotContain("first-secret");
    assertThat(Http.get(server.url("/api/accounts/" + account[0]), "x-api-key", adminKey).json().get("activated")
        .asBoolean()).isTrue();
    assertThat(get("/provisioning/" + account[1], LINPHONE).status()).as("consumed").isEqualTo(404);
    assertThat(get("/provisioning/not-a-token", LINPHONE).status()).isEqualTo(404);
  }

  @Test
  void reset_password_hands_out_a_new_password_that_logs_in() {
    String[] account = createAccount("provis02", null);
    Response r = get("/provisioning/" + account[1] + "?reset_password", LINPHONE);
    assertThat(r.status()).isEqualTo(200);
    String password = Xml.sections(r.body()).get("auth_info_0").get("passwd");
    assertThat(password).hasSizeGreaterThanOrEqualTo(12);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "provis02", DOMAIN, password, "SHA-256").status())
        .isEqualTo(200);
    assertThat(DigestClient.get(server.url(""), "/api/accounts/me", "provis02", DOMAIN, "first-secret", "SHA-256")
        .status()).isEqualTo(401);
  }

  @Test
  void an_expired_provisioning_token_is_404() {
    String[] account = createAccount("provis03", null);
    db.execute("UPDATE accounts SET provisioning_token_expires_at = ? WHERE id = ?",
        Timestamp.from(Instant.now().minusSeconds(60)), Long.parseLong(account[0]));
    assertThat(get("/provisioning/" + account[1], LINPHONE).status()).isEqualTo(404);
  }

  @Test
  void the_qr_code_encodes_the_public_provisioning_url() throws Exception {
    String[] account = createAccount("provis04", null);
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.url("/provisioning/qrcode/" + account[1] + "?reset_password"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    String expected = PUBLIC_URL + "/provisioning/" + account[1] + "?reset_password";
    assertThat(r.headers().firstValue("X-Qrcode-URL")).hasValue(expected);
    var image = ImageIO.read(new ByteArrayInputStream(r.body()));
    String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(image)))).getText();
    assertThat(decoded).isEqualTo(expected);
  }

  @Test
  void me_provisions_the_authenticated_account_and_anonymous_gets_401() {
    String[] account = createAccount("provis05", null);
    get("/provisioning/" + account[1], LINPHONE);
    Response me = DigestClient.get(server.url(""), "/provisioning/me", "provis05", DOMAIN, "first-secret", "SHA-256");
    // The digest helper sends no Linphone header: the header check comes after authentication.
    assertThat(me.status()).isEqualTo(400);
    String key = server.cli("api-keys", "create", "--sip", "sip:provis05@" + DOMAIN).stdout().trim();
    Response r = get("/provisioning/me", "x-api-key", key, LINPHONE[0], LINPHONE[1]);
    assertThat(r.status()).isEqualTo(200);
    assertThat(Xml.sections(r.body()).get("auth_info_0")).containsEntry("username", "provis05");
    assertThat(get("/provisioning/me", LINPHONE).status()).isEqualTo(401);
  }

  @Test
  void an_auth_token_provisions_its_account_once() {
    String[] account = createAccount("provis06", null);
    get("/provisioning/" + account[1], LINPHONE);
    String token = Http.send("POST", server.url("/api/accounts/auth_token"), "{}").json().get("token").asText();
    assertThat(DigestClient.get(server.url(""), "/api/accounts/auth_token/" + token + "/attach", "provis06", DOMAIN,
        "first-secret", "SHA-256").status()).isEqualTo(200);
    Response r = get("/provisioning/auth_token/" + token, LINPHONE);
    assertThat(r.status()).isEqualTo(200);
    assertThat(Xml.sections(r.body()).get("auth_info_0")).containsEntry("username", "provis06");
    assertThat(get("/provisioning/auth_token/" + token, LINPHONE).status()).isEqualTo(404);
  }

  @Test
  void hostile_display_names_come_out_escaped_and_the_xml_parses() {
    String hostile = "Ève \"<script>\" & O'Brien ]]> \u0001\u00e9\u4e2d";
    String[] account = createAccount("provis07", hostile);
    Response r = get("/provisioning/" + account[1], LINPHONE);
    assertThat(r.status()).isEqualTo(200);
    String identity = Xml.sections(r.body()).get("proxy_0").get("reg_identity");
    assertThat(identity).isEqualTo("\"Ève \\\"<script>\\\" & O'Brien ]]> \u00e9\u4e2d\" <sip:provis07@" + DOMAIN + ">");
  }

  @Test
  void a_linked_external_account_is_a_second_account() {
    String[] account = createAccount("provis08", null);
    var linked = server.cli("accounts", "link-external", "--sip", "sip:provis08@" + DOMAIN, "--username", "ext-user",
        "--domain", "external.example.com", "--password", "ext-secret", "--protocol", "TLS",
        "--outbound-proxy", "proxy.external.example.com");
    assertThat(linked.exitCode()).as(linked.stderr()).isZero();
    Map<String, Map<String, String>> sections = Xml.sections(get("/provisioning/" + account[1], LINPHONE).body());
    assertThat(sections.get("auth_info_1")).containsEntry("username", "ext-user")
        .containsEntry("domain", "external.example.com").containsEntry("algorithm", "MD5")
        .containsEntry("ha1", DigestClient.hash("MD5", "ext-user:external.example.com:ext-secret"));
    assertThat(sections.get("proxy_1")).containsEntry("reg_identity", "sip:ext-user@external.example.com")
        .containsEntry("reg_route", "<sip:proxy.external.example.com;transport=tls>");
  }
}
