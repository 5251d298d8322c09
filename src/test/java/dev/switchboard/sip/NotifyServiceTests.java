package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Services;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.core.message.Delivery;
import dev.switchboard.core.message.OutOfDialogRequest;
import dev.switchboard.core.message.SipUnavailableException;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The core SipUac port as the Kazoo face calls it (services.uac): a NOTIFY with an Event to a
 * binding that another instance on the same database registered, received by a real UA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotifyServiceTests {
  static final String DOMAIN = "sip.example.org";
  static final String PASSWORD = "sip-secret";

  TestDatabase db;
  ServerProcess server;
  Services services;
  String adminKey;

  abstract TestDatabase database();

  Map<String, String> env(boolean sip) throws Exception {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("SWITCHBOARD_DATA_DIR", Files.createTempDirectory("sb-notify").toString());
    env.put("SWITCHBOARD_SIP_DOMAIN", DOMAIN);
    env.put("SWITCHBOARD_SIP_HOST", "127.0.0.1");
    env.put("SWITCHBOARD_SIP_PORT", Integer.toString(ServerProcess.freeSipPort()));
    env.put("SWITCHBOARD_SIP_ENABLED", Boolean.toString(sip));
    return env;
  }

  @BeforeAll
  void start() throws Exception {
    db = database();
    server = ServerProcess.start(db, Map.of());
    server.cli("accounts", "create-admin", "--username", "admin01", "--domain", DOMAIN, "--password", "admin-secret");
    adminKey = server.cli("api-keys", "create", "--sip", "sip:admin01@" + DOMAIN).stdout().trim();
    services = new Services(new ConfigLoader().load(null, env(true)), Clock.systemUTC());
    services.sip.start();
  }

  @AfterAll
  void stop() {
    if (services != null) {
      services.sip.close();
      services.close();
    }
    if (server != null) {
      server.close();
    }
  }

  String account() {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Http.Response r = Http.send("POST", server.url("/api/accounts"), "{\"username\":\"" + username
        + "\",\"password\":\"" + PASSWORD + "\",\"algorithm\":\"SHA-256\",\"activated\":true}", "x-api-key", adminKey);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return username;
  }

  static OutOfDialogRequest checkSync(String user) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Event", "check-sync;reboot=false");
    headers.put("Subscription-State", "terminated");
    return new OutOfDialogRequest("NOTIFY", user, DOMAIN, "sip:provisioning@" + DOMAIN, headers, null, null);
  }

  @Test
  void a_notify_through_the_core_port_reaches_a_ua_registered_with_another_instance() throws Exception {
    String user = account();
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + ua.contact(user) + ">")).status())
          .isEqualTo(200);
      List<Delivery> deliveries = services.uac.send(checkSync(user));
      assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(200));
      SipMessage notify = ua.nextRequest(5000);
      assertThat(notify.method()).isEqualTo("NOTIFY");
      assertThat(notify.header("Event")).isEqualTo("check-sync;reboot=false");
      assertThat(notify.header("Subscription-State")).isEqualTo("terminated");
      assertThat(notify.header("To")).contains("sip:" + user + "@" + DOMAIN);
      assertThat(notify.header("From")).contains("sip:provisioning@" + DOMAIN).contains(";tag=");
    }
  }

  @Test
  void over_tcp_the_notify_goes_back_on_the_connection_the_ua_registered_on() throws Exception {
    String user = account();
    try (TestUa ua = TestUa.tcp(services.sip.port())) {
      assertThat(ua.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + ua.contact(user) + ">")).status())
          .isEqualTo(200);
      ua.answerWith(481);
      List<Delivery> deliveries = services.uac.send(checkSync(user));
      assertThat(deliveries).singleElement().satisfies(d -> {
        assertThat(d.status()).isEqualTo(481);
        assertThat(d.delivered()).isFalse();
      });
      assertThat(ua.nextRequest(5000).header("Via")).startsWith("SIP/2.0/TCP");
    }
  }

  @Test
  void nothing_registered_gives_no_delivery() {
    assertThat(services.uac.send(checkSync(account()))).isEmpty();
  }

  @Test
  void a_ua_that_never_answers_is_retransmitted_to_then_reported_408() throws Exception {
    String user = account();
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.registerWithAuth(user, DOMAIN, PASSWORD, "SHA-256", List.of("<" + ua.contact(user) + ">"));
    }
    // The UA is gone: its port answers nothing. Timer F (32 s) ends the transaction.
    List<Delivery> deliveries = services.uac.send(checkSync(user));
    assertThat(deliveries).singleElement().extracting(Delivery::status).isEqualTo(408);
  }

  @Test
  void with_sip_disabled_the_port_refuses_with_a_clear_error() throws Exception {
    try (Services off = new Services(new ConfigLoader().load(null, env(false)), Clock.systemUTC())) {
      assertThat(off.sip).isNull();
      assertThatThrownBy(() -> off.uac.send(checkSync("anyone"))).isInstanceOf(SipUnavailableException.class)
          .hasMessageContaining("sip.enabled: false");
    }
  }
}
