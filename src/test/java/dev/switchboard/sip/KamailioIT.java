package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.Http;
import dev.switchboard.support.Http.Response;
import dev.switchboard.support.Jar;
import dev.switchboard.support.KamailioProcess;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.Sipp;
import dev.switchboard.support.TestDatabase;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kamailio at scale, end to end: Switchboard (sip.mode kamailio) on PostgreSQL, the kamailio.cfg
 * its CLI prints, Debian's kamailio 5.6 started with it, and sipp as the phone. Credentials come
 * from the V9 views (accounts made through FlexiAPI, a device's own credentials), bindings land in
 * the shared location table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KamailioIT {
  static final String DOMAIN = "sip.example.org";

  TestDatabase db;
  ServerProcess server;
  KamailioProcess kamailio;
  String adminKey;
  int sipPort;
  int rpcPort;

  @BeforeAll
  void start() {
    assumeTrue(KamailioProcess.installed(), "kamailio is not installed (Debian packages kamailio and "
        + "kamailio-postgres-modules; .ci/run installs them): the Kamailio test is skipped");
    db = TestDatabase.postgres();
    sipPort = ServerProcess.freeSipPort();
    rpcPort = ServerProcess.freePort();
    server = ServerProcess.start(db, Map.of(
        "SWITCHBOARD_SIP_MODE", "kamailio",
        "SWITCHBOARD_SIP_HOST", "127.0.0.1",
        "SWITCHBOARD_SIP_PORT", Integer.toString(sipPort),
        "SWITCHBOARD_KAMAILIO_RPC_URL", "http://127.0.0.1:" + rpcPort + "/RPC",
        "SWITCHBOARD_KAMAILIO_RPC_TIMEOUT_SECONDS", "40"));
    assertThat(server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN,
        "--password", "admin-secret").exitCode()).isZero();
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
    Jar.Result cfg = server.cli("kamailio", "config", "--domain-reload", "2");
    assertThat(cfg.exitCode()).as(cfg.stderr()).isZero();
    assertThat(cfg.stdout()).contains("listen=udp:127.0.0.1:" + sipPort, "modparam(\"usrloc\", \"db_mode\", 3)");
    kamailio = KamailioProcess.start(cfg.stdout(), rpcPort);
  }

  @AfterAll
  void stop() {
    if (kamailio != null) {
      kamailio.close();
    }
    if (server != null) {
      server.close();
    }
  }

  String registrar() {
    return "127.0.0.1:" + sipPort;
  }

  long createAccount(String username, String password) {
    return createAccount(username, password, "MD5");
  }

  long createAccount(String username, String password, String algorithm) {
    Response r = Http.send("POST", server.url("/api/accounts"), "{\"username\":\"" + username + "\",\"password\":\""
        + password + "\",\"algorithm\":\"" + algorithm + "\",\"activated\":true}", "x-api-key", adminKey);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  @Test
  void anAccountMadeThroughFlexiApiRegistersWithKamailio() throws Exception {
    long id = createAccount("alice001", "alice-secret");
    Sipp.Result r = Sipp.register(registrar(), "alice001", DOMAIN, "alice-secret", "127.0.0.1:5999");
    assertThat(r.passed()).as(r.output() + "\n" + kamailio.log()).isTrue();

    try (Connection c = db.connect(); var st = c.prepareStatement(
        "SELECT contact, expires, socket, user_agent FROM location WHERE username = ? AND domain = ?")) {
      st.setString(1, "alice001");
      st.setString(2, DOMAIN);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as("Kamailio wrote the binding into Switchboard's location table").isTrue();
        assertThat(rs.getString("contact")).startsWith("sip:alice001@127.0.0.1:5999");
        assertThat(rs.getString("socket")).isEqualTo("udp:127.0.0.1:" + sipPort);
        assertThat(rs.getString("user_agent")).isEqualTo("sipp-test");
        // TZ=UTC: the stored wall-clock time is UTC, 600 s ahead.
        Instant expires = rs.getTimestamp("expires").toLocalDateTime().toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(Instant.now(), expires).toSeconds()).isBetween(560L, 620L);
      }
    }

    Response devices = Http.send("GET", server.url("/api/accounts/" + id + "/devices"), null, "x-api-key", adminKey);
    assertThat(devices.status()).as(devices.body()).isEqualTo(200);
    assertThat(devices.json().size()).as(devices.body()).isEqualTo(1);
    JsonNode device = devices.json().elements().next();
    assertThat(device.get("user_agent").asText()).isEqualTo("sipp-test");
    assertThat(device.get("contact").asText()).startsWith("sip:alice001@127.0.0.1:5999");
    assertThat(Instant.parse(device.get("expires_at").asText())).isAfter(Instant.now().plusSeconds(500));
  }

  @Test
  void aMessageThroughTheApiGoesThroughKamailioToTheRegisteredUa() throws Exception {
    createAccount("dave0001", "dave-secret");
    try (TestUa ua = TestUa.udp(sipPort)) {
      SipMessage registered = ua.registerWithAuth("dave0001", DOMAIN, "dave-secret", "MD5",
          List.of("<" + ua.contact("dave0001") + ">"));
      assertThat(registered.status()).as(kamailio.log()).isEqualTo(200);

      Response sent = Http.send("POST", server.url("/api/messages"),
          "{\"to\":\"sip:dave0001@" + DOMAIN + "\",\"body\":\"héllo through Kamailio\"}", "x-api-key", adminKey);
      assertThat(sent.status()).as(sent.body() + "\n" + server.log()).isEqualTo(200);
      JsonNode delivery = sent.json().get("sent").get(0);
      assertThat(delivery.get("status").asInt()).isEqualTo(200);
      assertThat(delivery.get("delivered").asBoolean()).isTrue();

      SipMessage message = ua.nextRequest(10_000);
      assertThat(message).as("the UA got the MESSAGE\n" + kamailio.log()).isNotNull();
      assertThat(message.method()).isEqualTo("MESSAGE");
      assertThat(message.header("From")).contains("sip:admin01@" + DOMAIN);
      assertThat(message.header("Call-ID")).isEqualTo(sent.json().get("id").asText());
      assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("héllo through Kamailio");

      ua.answerWith(486);
      Response busy = Http.send("POST", server.url("/api/messages"),
          "{\"to\":\"sip:dave0001@" + DOMAIN + "\",\"body\":\"again\"}", "x-api-key", adminKey);
      assertThat(busy.json().get("sent").get(0).get("status").asInt()).as(busy.body()).isEqualTo(486);
      assertThat(busy.json().get("sent").get(0).get("delivered").asBoolean()).isFalse();
    }
    Response nobody = Http.send("POST", server.url("/api/messages"),
        "{\"to\":\"sip:nobody01@" + DOMAIN + "\",\"body\":\"hi\"}", "x-api-key", adminKey);
    assertThat(nobody.status()).as(nobody.body()).isEqualTo(422);
  }

  @Test
  void aBindingTheBuiltInRegistrarWroteIsReachedThroughKamailio() throws Exception {
    // Moving SIP from the built-in registrar to Kamailio needs no migration: same location table.
    // The phone is one UDP socket that registers and answers requests to where they came from.
    createAccount("frank001", "frank-secret");
    try (ServerProcess builtin = ServerProcess.start(db, Map.of("SWITCHBOARD_SIP_MODE", "embedded"));
        DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      phone.setSoTimeout(10_000);
      InetSocketAddress registrar = new InetSocketAddress(InetAddress.getLoopbackAddress(), builtin.sipPort());
      String callId = "kamailio-move-" + System.nanoTime();
      send(phone, registrar, register(phone, "frank001", callId, 1, null));
      SipMessage challenge = receive(phone);
      assertThat(challenge.status()).isEqualTo(401);
      send(phone, registrar, register(phone, "frank001", callId, 2,
          TestUa.authorization(challenge, "frank001", "frank-secret", "MD5", "sip:" + DOMAIN, "REGISTER")));
      assertThat(receive(phone).status()).as(builtin.log()).isEqualTo(200);

      CompletableFuture<Response> sent = CompletableFuture.supplyAsync(() -> Http.send("POST", server.url("/api/messages"),
          "{\"to\":\"sip:frank001@" + DOMAIN + "\",\"body\":\"via Kamailio\"}", "x-api-key", adminKey));
      byte[] buf = new byte[65_535];
      DatagramPacket packet = new DatagramPacket(buf, buf.length);
      phone.receive(packet);
      SipMessage message = SipParser.parseDatagram(buf, packet.getLength());
      assertThat(message.method()).isEqualTo("MESSAGE");
      assertThat(message.header("Via")).as("relayed by Kamailio").contains("127.0.0.1:" + sipPort);
      assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("via Kamailio");
      StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
      for (String via : message.values("Via")) {
        ok.append("Via: ").append(via).append("\r\n");
      }
      ok.append("From: ").append(message.header("From")).append("\r\nTo: ").append(message.header("To"))
          .append(";tag=phone\r\nCall-ID: ").append(message.header("Call-ID")).append("\r\nCSeq: ")
          .append(message.header("CSeq")).append("\r\nContent-Length: 0\r\n\r\n");
      send(phone, (InetSocketAddress) packet.getSocketAddress(), ok.toString());
      Response r = sent.get(30, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("sent").get(0).get("status").asInt()).as(kamailio.log()).isEqualTo(200);
    }
  }

  static String register(DatagramSocket phone, String user, String callId, int cseq, String authorization) {
    String contact = "sip:" + user + "@127.0.0.1:" + phone.getLocalPort();
    return "REGISTER sip:" + DOMAIN + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";rport;branch=z9hG4bK" + callId + cseq + "\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:" + user + "@" + DOMAIN + ">;tag=f" + cseq + "\r\n"
        + "To: <sip:" + user + "@" + DOMAIN + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\n"
        + "Contact: <" + contact + ">\r\nExpires: 300\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "Content-Length: 0\r\n\r\n";
  }

  static void send(DatagramSocket socket, InetSocketAddress to, String text) throws Exception {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(data, data.length, to));
  }

  static SipMessage receive(DatagramSocket socket) throws Exception {
    byte[] buf = new byte[65_535];
    while (true) {
      DatagramPacket packet = new DatagramPacket(buf, buf.length);
      socket.receive(packet);
      SipMessage m = SipParser.parseDatagram(buf, packet.getLength());
      if (!m.isRequest() && m.status() >= 200) {
        return m;
      }
    }
  }

  @Test
  void aKazooDeviceRegistersWithKamailioAndItsSyncIsANotifyThroughKamailio() throws Exception {
    String creds = md5("admin01:admin-secret");
    Response login = Http.send("PUT", server.url("/v2/user_auth"), "{\"data\":{\"credentials\":\"" + creds
        + "\",\"method\":\"md5\",\"account_realm\":\"" + DOMAIN + "\"}}");
    assertThat(login.status()).as(login.body()).isEqualTo(201);
    String token = login.json().get("auth_token").asText();
    String devices = "/v2/accounts/" + login.json().get("data").get("account_id").asText() + "/devices";
    Response created = Http.send("PUT", server.url(devices), "{\"data\":{\"name\":\"Desk\",\"sip\":"
        + "{\"username\":\"kzdesk01\",\"password\":\"kz-desk-secret\"}}}", "X-Auth-Token", token);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String device = created.json().get("data").get("id").asText();

    try (TestUa ua = TestUa.udp(sipPort)) {
      SipMessage ok = ua.registerWithAuth("kzdesk01", DOMAIN, "kz-desk-secret", "MD5",
          List.of("<" + ua.contact("kzdesk01") + ">"));
      assertThat(ok.status()).as("the device's own credentials, through the view\n" + kamailio.log()).isEqualTo(200);
      Response sync = Http.send("POST", server.url(devices + "/" + device + "/sync"), null, "X-Auth-Token", token);
      assertThat(sync.status()).as(sync.body()).isEqualTo(200);
      SipMessage notify = ua.nextRequest(10_000);
      assertThat(notify).as("check-sync NOTIFY\n" + server.log()).isNotNull();
      assertThat(notify.method()).isEqualTo("NOTIFY");
      assertThat(notify.header("Event")).isEqualTo("check-sync");
      assertThat(notify.header("Subscription-State")).isEqualTo("terminated");
    }
  }

  @Test
  void kamailioUnreachableIsA503WithTheReason() throws Exception {
    createAccount("erin0001", "erin-secret");
    try (TestUa ua = TestUa.udp(sipPort)) {
      assertThat(ua.registerWithAuth("erin0001", DOMAIN, "erin-secret", "MD5", List.of("<" + ua.contact("erin0001") + ">"))
          .status()).isEqualTo(200);
      int dead = ServerProcess.freePort();
      try (ServerProcess orphan = ServerProcess.start(db, Map.of("SWITCHBOARD_SIP_MODE", "kamailio",
          "SWITCHBOARD_SIP_HOST", "127.0.0.1", "SWITCHBOARD_SIP_PORT", Integer.toString(sipPort),
          "SWITCHBOARD_KAMAILIO_RPC_URL", "http://127.0.0.1:" + dead + "/RPC"))) {
        Response r = Http.send("POST", orphan.url("/api/messages"),
            "{\"to\":\"sip:erin0001@" + DOMAIN + "\",\"body\":\"hi\"}", "x-api-key", adminKey);
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.json().get("message").asText()).contains("unreachable", ":" + dead + "/RPC");
      }
      assertThat(ua.nextRequest(500)).isNull();
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    createAccount("bobby001", "bobby-secret");
    Sipp.Result r = Sipp.register(registrar(), "bobby001", DOMAIN, "not-the-password", "127.0.0.1:5998");
    assertThat(r.passed()).as(r.output()).isFalse();
    assertThat(bindings("bobby001")).isZero();
  }

  @Test
  void aBlockedAccountDropsOutOfTheSubscriberViewAtOnce() {
    long id = createAccount("carol001", "carol-secret");
    assertThat(Sipp.register(registrar(), "carol001", DOMAIN, "carol-secret", "127.0.0.1:5997").passed()).isTrue();
    Response blocked = Http.send("POST", server.url("/api/accounts/" + id + "/block"), null, "x-api-key", adminKey);
    assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
    Sipp.Result again = Sipp.register(registrar(), "carol001", DOMAIN, "carol-secret", "127.0.0.1:5996");
    assertThat(again.passed()).as("blocked: no credentials any more").isFalse();
  }

  @Test
  void aDevicesOwnCredentialsAuthenticateThroughTheView() throws Exception {
    long domainId;
    try (Connection c = db.connect(); var st = c.prepareStatement("SELECT id FROM domains WHERE name = ?")) {
      st.setString(1, DOMAIN);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        domainId = rs.getLong(1);
      }
    }
    Timestamp now = Timestamp.from(Instant.now());
    db.execute("INSERT INTO devices (uuid, created_at, updated_at, domain_id, sip_username, enabled)"
        + " VALUES ('kam-device-1', ?, ?, ?, 'deskphone7', TRUE)", now, now, domainId);
    db.execute("INSERT INTO device_passwords (device_id, algorithm, ha1, ha1b, created_at)"
        + " SELECT id, 'MD5', ?, ?, ? FROM devices WHERE uuid = 'kam-device-1'",
        md5("deskphone7:" + DOMAIN + ":phone-secret"), md5("deskphone7@" + DOMAIN + ":" + DOMAIN + ":phone-secret"),
        now);
    Sipp.Result r = Sipp.register(registrar(), "deskphone7", DOMAIN, "phone-secret", "127.0.0.1:5995");
    assertThat(r.passed()).as(r.output() + "\n" + kamailio.log()).isTrue();
    assertThat(bindings("deskphone7")).isEqualTo(1);

    db.execute("UPDATE devices SET enabled = FALSE WHERE uuid = 'kam-device-1'");
    assertThat(Sipp.register(registrar(), "deskphone7", DOMAIN, "phone-secret", "127.0.0.1:5995").passed())
        .as("a disabled device has no credentials").isFalse();
  }

  @Test
  void registersOverTcpToo() throws Exception {
    createAccount("tcpuser1", "tcpuser-secret");
    try (TestUa ua = TestUa.tcp(sipPort)) {
      SipMessage ok = ua.registerWithAuth("tcpuser1", DOMAIN, "tcpuser-secret", "MD5", List.of("<" + ua.contact("tcpuser1") + ">"),
          "Expires: 300");
      assertThat(ok).as(kamailio.log()).isNotNull();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Contact")).contains("transport=tcp");
    }
    assertThat(bindings("tcpuser1")).isEqualTo(1);
  }

  @Test
  void aSha256OnlyAccountRegistersWithTheSha256InstanceAndNotTheMd5One() throws Exception {
    createAccount("shauser1", "shauser-secret", "SHA-256");
    try (TestUa ua = TestUa.udp(sipPort)) {
      SipMessage refused = ua.registerWithAuth("shauser1", DOMAIN, "shauser-secret", "MD5",
          List.of("<" + ua.contact("shauser1") + ">"));
      assertThat(refused.status()).as("the MD5 instance has no MD5 HA1 for it").isNotEqualTo(200);
    }
    int port = ServerProcess.freeSipPort();
    int rpc = ServerProcess.freePort();
    Jar.Result cfg = server.cli("kamailio", "config", "--sha256", "--listen", "udp:127.0.0.1:" + port,
        "--rpc-port", Integer.toString(rpc));
    assertThat(cfg.exitCode()).as(cfg.stderr()).isZero();
    try (KamailioProcess sha = KamailioProcess.start(cfg.stdout(), rpc); TestUa ua = TestUa.udp(port)) {
      ua.sendRaw(ua.register("shauser1", DOMAIN, List.of("<" + ua.contact("shauser1") + ">"), ua.callId, ua.nextCseq()));
      SipMessage challenge = ua.nextResponse();
      assertThat(challenge.status()).isEqualTo(401);
      assertThat(challenge.header("WWW-Authenticate")).contains("algorithm=SHA-256");
      SipMessage ok = ua.registerWithAuth("shauser1", DOMAIN, "shauser-secret", "SHA-256",
          List.of("<" + ua.contact("shauser1") + ">"));
      assertThat(ok.status()).as(sha.log()).isEqualTo(200);
    }
    assertThat(bindings("shauser1")).as("both instances share the location table").isEqualTo(1);
  }

  @Test
  void aDomainMadeAfterKamailioStartedIsServedAfterTheReload() throws Exception {
    String other = "late.example.org";
    assertThat(server.cli("accounts", "create", "--username", "lateuser", "--domain", other, "--password",
        "late-secret", "--algorithm", "MD5").exitCode()).isZero();
    // The generated configuration reloads the domain view every --domain-reload seconds (2 here).
    Sipp.Result r = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      r = Sipp.register(registrar(), "lateuser", other, "late-secret", "127.0.0.1:5993");
      if (r.passed()) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(r.passed()).as(r.output()).isTrue();
  }

  @Test
  void unknownDomainsAreNotServed() {
    Sipp.Result r = Sipp.register(registrar(), "alice001", "elsewhere.example.net", "alice-secret", "127.0.0.1:5994");
    assertThat(r.passed()).as(r.output()).isFalse();
  }

  int bindings(String username) {
    try (Connection c = db.connect(); var st = c.prepareStatement(
        "SELECT count(*) FROM location WHERE username = ? AND domain = ? AND expires > ?")) {
      st.setString(1, username);
      st.setString(2, DOMAIN);
      st.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String md5(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
