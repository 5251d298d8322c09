package dev.switchboard.phoned;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import dev.switchboard.support.Xml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The phone directory face, black-box over HTTP and HTTPS: every vendor's documents parsed back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhonedTests {
  static final String DOMAIN = "sip.example.org";
  static final String HOSTILE = "Zoë & <Bob> \"Q\" O'Neil";

  TestDatabase db;
  ServerProcess server;
  InMemoryDirectoryServer ldap;
  String ownerUuid;

  abstract TestDatabase database();

  @BeforeAll
  void start() throws Exception {
    db = database();
    InMemoryDirectoryServerConfig ldapConfig = new InMemoryDirectoryServerConfig("dc=example,dc=org");
    ldapConfig.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    ldapConfig.setSchema(null);
    ldap = new InMemoryDirectoryServer(ldapConfig);
    ldap.add("dn: dc=example,dc=org", "objectClass: top", "objectClass: domain", "dc: example");
    ldap.add("dn: cn=Léa Ldap,dc=example,dc=org", "objectClass: person", "cn: Léa Ldap", "sn: Ldap",
        "telephoneNumber: +33(0)1 23 45 67 89", "mobile: 06 11 22 33 44");
    ldap.startListening();

    Path dir = Files.createTempDirectory("sb-phoned");
    Path csv = dir.resolve("contacts.csv");
    Files.writeString(csv, "name,phone,mobile\nCarla Csv,+33 1 99 88 77 66,\nÉmile Csv,1234,0600000001\n");
    Path config = dir.resolve("switchboard.yml");
    Files.writeString(config, """
        directory:
          profiles:
            default:
              sources:
                - type: accounts
                - type: personal
                - type: csv
                  file: %s
                  name_column: name
                  number_columns:
                    - {column: phone, label: ""}
                    - {column: mobile, label: mobile}
                - type: ldap
                  url: ldap://127.0.0.1:%d
                  base_dn: dc=example,dc=org
                  filter: "(|(cn=*{term}*)(telephoneNumber=*{term}*))"
                  name_attribute: cn
                  number_attributes:
                    - {attribute: telephoneNumber, label: ""}
                    - {attribute: mobile, label: mobile}
            broken:
              sources:
                - type: accounts
                - type: ldap
                  url: ldap://127.0.0.1:1
                  base_dn: dc=example,dc=org
                  filter: "(cn=*{term}*)"
                  name_attribute: cn
                  number_attributes: [{attribute: telephoneNumber, label: ""}]
                  connect_timeout_ms: 500
        """.formatted(csv, ldap.getListenPort()));
    server = ServerProcess.start(db, Map.of(), config);
    server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN, "--password", "admin-secret");
    String key = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
    ObjectMapper json = new ObjectMapper();
    long owner = create(key, Map.of("username", "owner0001", "display_name", "Owner One"));
    ownerUuid = Http.get(server.url("/api/accounts/" + owner), "x-api-key", key).json().get("uuid").asText();
    long friend = create(key, Map.of("username", "friend001", "display_name", "Friend Personal"));
    create(key, Map.of("username", "hostile01", "display_name", HOSTILE, "phone", "+33612345678"));
    for (int i = 1; i <= 3; i++) {
      create(key, Map.of("username", "pager000" + i, "display_name", "Pager " + i));
    }
    Http.send("POST", server.url("/api/accounts/" + owner + "/contacts/" + friend), "{}", "x-api-key", key);
  }

  private long create(String key, Map<String, String> fields) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(fields);
    body.put("password", "secret-pw");
    body.put("algorithm", "MD5");
    body.put("activated", true);
    var r = Http.send("POST", server.url("/api/accounts"), new ObjectMapper().writeValueAsString(body), "x-api-key", key);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (ldap != null) {
      ldap.shutDown(true);
    }
  }

  Http.Response get(String path, String... headers) {
    return Http.get(server.phoned(path), headers);
  }

  static List<String> texts(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  Document xml(String path, String... headers) {
    Http.Response r = get(path, headers);
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    // Jetty writes the media type without the optional space: text/xml;charset=utf-8.
    assertThat(r.header("Content-Type").replace(" ", "")).isEqualTo("text/xml;charset=utf-8");
    return Xml.parse(r.body());
  }

  @Test
  void accounts_csv_and_ldap_lines_are_merged_sorted_and_normalised() {
    Document doc = xml("/0.1/directories/lookup/default/yealink?term=");
    List<String> names = texts(doc, "Name");
    assertThat(names).contains("Carla Csv", "Émile Csv", "Émile Csv (mobile)", "Léa Ldap", "Léa Ldap (mobile)",
        "Pager 1", HOSTILE, HOSTILE + " (mobile)");
    assertThat(names).isSorted();
    assertThat(texts(doc, "Telephone")).contains("0033123456789", "+33199887766", "0611223344", "pager0001");
    assertThat(texts(xml("/0.1/directories/lookup/default/yealink?term=EMILE"), "Name"))
        .as("case- and accent-insensitive").containsExactly("Émile Csv", "Émile Csv (mobile)");
    assertThat(texts(xml("/0.1/directories/lookup/default/yealink?term=l%C3%A9a"), "Telephone"))
        .containsExactly("0033123456789", "0611223344");
    assertThat(texts(xml("/0.1/directories/lookup/default/yealink?term=612345678"), "Name")).contains(HOSTILE + " (mobile)");
  }

  @Test
  void personal_contacts_join_with_the_users_uuid_and_an_unknown_uuid_is_404() {
    assertThat(texts(xml("/0.1/directories/lookup/default/yealink?term=personal"), "Name"))
        .doesNotContain("Friend Personal (mobile)");
    List<String> withUser = texts(xml("/0.1/directories/lookup/default/yealink?term=personal&xivo_user_uuid=" + ownerUuid),
        "Name");
    assertThat(withUser.stream().filter(n -> n.equals("Friend Personal")).count()).isEqualTo(2);
    assertThat(get("/0.1/directories/lookup/default/yealink?term=x&xivo_user_uuid=00000000000000000000000000000000")
        .status()).isEqualTo(404);
  }

  @Test
  void cisco_menu_input_and_paged_lookup() {
    Document menu = xml("/0.1/directories/menu/default/cisco?xivo_user_uuid=" + ownerUuid);
    assertThat(menu.getDocumentElement().getTagName()).isEqualTo("CiscoIPPhoneMenu");
    assertThat(texts(menu, "URL").get(0)).endsWith("/0.1/directories/input/default/cisco?xivo_user_uuid=" + ownerUuid);
    Document input = xml("/0.1/directories/input/default/cisco?xivo_user_uuid=" + ownerUuid);
    assertThat(texts(input, "QueryStringParam")).containsExactly("term");
    assertThat(texts(input, "URL").get(0)).endsWith("/0.1/directories/lookup/default/cisco?xivo_user_uuid=" + ownerUuid);

    Document page = xml("/0.1/directories/lookup/default/cisco?term=pager%20&limit=1&offset=1");
    assertThat(texts(page, "Name")).startsWith("Pager 2");
    List<String> urls = texts(page, "URL");
    assertThat(urls).contains("SoftKey:Dial", "SoftKey:Exit");
    assertThat(urls.stream().filter(u -> u.contains("offset=2")).findFirst().orElseThrow())
        .contains("term=pager+").contains("limit=1");
    assertThat(urls.stream().filter(u -> u.contains("offset=0")).count()).isEqualTo(1);
    Document single = xml("/0.1/directories/lookup/default/cisco?term=pager%201");
    assertThat(texts(single, "URL")).as("no soft keys without paging").isEmpty();
  }

  @Test
  void every_vendor_answers_well_formed_documents_with_escaped_names() {
    String[] paths = {"/0.1/directories/input/default/aastra", "/0.1/directories/lookup/default/aastra?term=zo",
        "/0.1/directories/input/default/fanvil", "/0.1/directories/lookup/default/fanvil?term=zo",
        "/0.1/directories/lookup/default/fanvil-v2?term=zo", "/0.1/directories/lookup/default/htek?term=zo",
        "/0.1/directories/input/default/snom", "/0.1/directories/lookup/default/snom?term=zo",
        "/0.1/directories/lookup/default/thomson?term=zo", "/0.1/yealink/directories/lookup/default?term=zo",
        "/0.1/directories/lookup/default/yealink?term=zo"};
    for (String path : paths) {
      Document doc = xml(path);
      if (path.contains("lookup")) {
        assertThat(doc.getDocumentElement().getTextContent() + names(doc)).as(path).contains(HOSTILE);
      }
    }
    Document snom = xml("/0.1/directories/lookup/default/snom?term=zo");
    assertThat(snom.getDocumentElement().getTagName()).isEqualTo("SnomIPPhoneMenu");
    assertThat(((Element) snom.getElementsByTagName("MenuItem").item(0)).getAttribute("name")).isEqualTo(HOSTILE);
    assertThat(texts(xml("/0.1/directories/lookup/default/thomson?term=zo"), "Telephone").get(0)).startsWith("Dial:");
    assertThat(texts(xml("/0.1/directories/lookup/default/aastra?term=nobody-here"), "Prompt"))
        .containsExactly("No entries");
    assertThat(texts(xml("/0.1/directories/lookup/default/fanvil-v2?term=nobody-here"), "Name")).isEmpty();
  }

  private static String names(Document doc) {
    StringBuilder b = new StringBuilder();
    NodeList items = doc.getElementsByTagName("MenuItem");
    for (int i = 0; i < items.getLength(); i++) {
      b.append(((Element) items.item(i)).getAttribute("name"));
    }
    return b.toString();
  }

  @Test
  void polycom_answers_html() {
    Http.Response input = get("/0.1/directories/input/default/polycom?xivo_user_uuid=" + ownerUuid);
    assertThat(input.header("Content-Type").replace(" ", "")).isEqualTo("text/html;charset=utf-8");
    var form = org.jsoup.Jsoup.parse(input.body()).selectFirst("form");
    assertThat(form.attr("action")).endsWith("/0.1/directories/lookup/default/polycom");
    assertThat(form.selectFirst("input[name=xivo_user_uuid]").attr("value")).isEqualTo(ownerUuid);
    var lookup = org.jsoup.Jsoup.parse(get("/0.1/directories/lookup/default/polycom?term=zo").body());
    assertThat(lookup.select("li a").first().text()).isEqualTo(HOSTILE);
    assertThat(lookup.select("li a").first().attr("href")).isEqualTo("tel://hostile01");
    assertThat(lookup.select("li a").get(1).attr("href")).isEqualTo("tel://+33612345678");
  }

  @Test
  void gigaset_pages_with_first_and_count() {
    Document doc = xml("/0.1/directories/lookup/default/gigaset/" + ownerUuid + "?set_first=pager*&count=2&first=2");
    Element list = doc.getDocumentElement();
    assertThat(list.getAttribute("total")).isEqualTo("3");
    assertThat(list.getAttribute("first")).isEqualTo("2");
    assertThat(texts(doc, "fn")).containsExactly("Pager", "Pager");
    assertThat(texts(doc, "ln")).containsExactly("2", "3");
  }

  @Test
  void french_labels_follow_accept_language() {
    assertThat(texts(xml("/0.1/directories/lookup/default/aastra?term=nobody-here", "Accept-Language", "fr-FR,fr;q=0.9"),
        "Prompt")).containsExactly("Aucune entrée");
    assertThat(texts(xml("/0.1/directories/input/default/cisco", "Accept-Language", "fr"), "Title"))
        .containsExactly("Recherche");
  }

  @Test
  void query_string_routes_and_errors() {
    Document doc = xml("/0.1/directories/lookup?vendor=yealink&term=pager");
    assertThat(texts(doc, "Name")).hasSize(3);
    assertThat(texts(xml("/0.1/directories/menu?vendor=cisco&profile=default"), "URL").get(0))
        .contains("/0.1/directories/input?vendor=cisco&profile=default");
    Http.Response missing = get("/0.1/directories/lookup/default/cisco");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("details").has("term")).isTrue();
    Http.Response badLimit = get("/0.1/directories/lookup/default/cisco?term=a&limit=ten&offset=x");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().get("details").has("limit")).isTrue();
    assertThat(badLimit.json().get("details").has("offset")).isTrue();
    assertThat(get("/0.1/directories/lookup/default/nokia?term=a").status()).isEqualTo(404);
    assertThat(get("/0.1/directories/menu/default/yealink").status()).isEqualTo(404);
    assertThat(get("/0.1/directories/lookup/nosuchprofile/cisco?term=a").status()).isEqualTo(404);
    assertThat(get("/0.1/status").json().get("service_token").get("status").asText()).isEqualTo("ok");
  }

  @Test
  void a_source_that_is_down_is_skipped() {
    Document doc = xml("/0.1/directories/lookup/broken/yealink?term=pager");
    assertThat(texts(doc, "Name")).hasSize(3);
    assertThat(server.log()).contains("directory source LdapSource failed, skipped");
  }

  @Test
  void https_serves_the_same_documents_with_a_generated_certificate() throws Exception {
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {}

      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth) {}

      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }}, null);
    var client = java.net.http.HttpClient.newBuilder().sslContext(trustAll).build();
    var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        server.phonedTls("/0.1/directories/lookup/default/yealink?term=pager"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(texts(Xml.parse(r.body()), "Name")).hasSize(3);
    for (String path : new String[] {"/0.1/directories/menu/default/cisco", "/0.1/directories/input/default/cisco",
        "/0.1/directories/input/default/aastra", "/0.1/directories/lookup/default/aastra?term=zo",
        "/0.1/directories/input/default/fanvil", "/0.1/directories/lookup/default/fanvil?term=zo",
        "/0.1/directories/lookup/default/fanvil-v2?term=zo", "/0.1/directories/lookup/default/htek?term=zo",
        "/0.1/directories/input/default/snom", "/0.1/directories/lookup/default/snom?term=zo",
        "/0.1/directories/lookup/default/thomson?term=zo", "/0.1/yealink/directories/lookup/default?term=zo",
        "/0.1/directories/lookup/default/gigaset/" + ownerUuid + "?set_first=zo"}) {
      var each = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.phonedTls(path))).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(each.statusCode()).as(path).isEqualTo(200);
      Xml.parse(each.body());
    }
    var polycom = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        server.phonedTls("/0.1/directories/lookup/default/polycom?term=zo"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(org.jsoup.Jsoup.parse(polycom.body()).select("li a").first().text()).isEqualTo(HOSTILE);
    assertThat(server.log()).contains("generated a self-signed one");
  }
}
