package dev.switchboard.sip.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.core.message.OutOfDialogRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KamailioCfgTest {

  @Test
  void theJdbcUrlBecomesKamailiosDbUrl() {
    assertThat(KamailioCfg.kamailioDbUrl("jdbc:postgresql://db.example.org/switchboard", "sb", "pw"))
        .isEqualTo("postgres://sb:pw@db.example.org:5432/switchboard");
    assertThat(KamailioCfg.kamailioDbUrl("jdbc:postgresql://127.0.0.1:6432/sb?user=u1&password=p1", "", ""))
        .isEqualTo("postgres://u1:p1@127.0.0.1:6432/sb");
    assertThat(KamailioCfg.kamailioDbUrl("jdbc:postgresql://127.0.0.1:6432/sb", "postgres", ""))
        .isEqualTo("postgres://postgres@127.0.0.1:6432/sb");
  }

  @Test
  void whatKamailiosDbUrlCannotCarryIsRefused() {
    assertThatThrownBy(() -> KamailioCfg.kamailioDbUrl("jdbc:postgresql://h/sb", "sb", "p@ss"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("database password");
    assertThatThrownBy(() -> KamailioCfg.kamailioDbUrl("jdbc:postgresql:sb", "sb", "pw"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:postgresql://HOST");
  }

  @Test
  void sqliteIsRefusedInOneLine() {
    var config = new ConfigLoader().load(null, Map.of());
    assertThatThrownBy(() -> KamailioCfg.render(config, new KamailioCfg.Options(List.of(), null, false, 3, 4, 30)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PostgreSQL").hasMessageNotContaining("\n");
  }

  @Test
  void theTemplateTakesTheListenersPortsAndAlgorithm() {
    var config = new ConfigLoader().load(null, Map.of("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://127.0.0.1/sb",
        "SWITCHBOARD_DATABASE_USER", "sb", "SWITCHBOARD_DATABASE_PASSWORD", "secret"));
    String md5 = KamailioCfg.render(config, new KamailioCfg.Options(List.of("udp:192.0.2.1:5060"), 5090, false, 2, 4, 30));
    assertThat(md5).contains("#!define DBURL \"postgres://sb:secret@127.0.0.1:5432/sb\"", "listen=udp:192.0.2.1:5060",
        "listen=tcp:127.0.0.1:5090", "modparam(\"usrloc\", \"db_mode\", 2)").doesNotContain("#!define WITH_SHA256");
    String sha = KamailioCfg.render(config, new KamailioCfg.Options(List.of(), null, true, 3, 4, 30));
    assertThat(sha).contains("#!define WITH_SHA256", "listen=udp:0.0.0.0:5060", "listen=tcp:127.0.0.1:5080");
    assertThatThrownBy(() -> KamailioCfg.render(config, new KamailioCfg.Options(List.of("udp:1.2.3.4"), null, false, 3, 4, 30)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PROTO:IP:PORT");
  }

  @Test
  void anOperatorTemplateReplacesTheBuiltInOne() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kamailio-templates");
    java.nio.file.Files.createDirectories(dir.resolve("kamailio"));
    java.nio.file.Files.writeString(dir.resolve("kamailio/kamailio.cfg.peb"), "#!KAMAILIO\n# ours {{ dbUrl }} {{ dbMode }}\n");
    var config = new ConfigLoader().load(null, Map.of("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://127.0.0.1/sb",
        "SWITCHBOARD_DATABASE_USER", "sb", "SWITCHBOARD_TEMPLATES_DIR", dir.toString()));
    assertThat(KamailioCfg.render(config, new KamailioCfg.Options(List.of(), null, false, 3, 4, 30)))
        .isEqualTo("#!KAMAILIO\n# ours postgres://sb@127.0.0.1:5432/sb 3\n");
  }

  @Test
  void kamailioDownIsAClearDeliveryFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KamailioRpc rpc = new KamailioRpc(URI.create("http://127.0.0.1:" + port + "/RPC"), Duration.ofSeconds(2));
    assertThatThrownBy(() -> rpc.call("core.uptime", List.of()))
        .isInstanceOf(KamailioRpc.Unavailable.class).hasMessageContaining("unreachable").hasMessageContaining("/RPC");
  }

  @Test
  void headersCannotBeInjected() {
    Map<String, String> evil = new LinkedHashMap<>();
    evil.put("Event", "check-sync\r\nX-Injected: 1");
    // The core refuses the request before any UAC sees it.
    assertThatThrownBy(() -> new OutOfDialogRequest("NOTIFY", "alice", "example.org", "sip:p@example.org", evil,
        null, null)).isInstanceOf(dev.switchboard.core.ValidationException.class);
    // Empty values and a missing From too (KamailioUac had its own check for these; the core's is the one now).
    assertThatThrownBy(() -> new OutOfDialogRequest("NOTIFY", "alice", "example.org", "sip:p@example.org",
        Map.of("Event", ""), null, null)).isInstanceOf(dev.switchboard.core.ValidationException.class);
    assertThatThrownBy(() -> new OutOfDialogRequest("NOTIFY", "alice", "example.org", null, Map.of(), null, null))
        .isInstanceOf(dev.switchboard.core.ValidationException.class);
    assertThatThrownBy(() -> new OutOfDialogRequest("MESSAGE", "alice", "example.org", "sip:p@example.org", Map.of(),
        "", "hi")).isInstanceOf(dev.switchboard.core.ValidationException.class);
    var ok = new OutOfDialogRequest("MESSAGE", "alice", "example.org", "sip:p@example.org", Map.of(), "text/plain", "hi");
    assertThat(KamailioUac.headers(ok, "sip:alice@example.org"))
        .isEqualTo("From: <sip:p@example.org>\r\nTo: <sip:alice@example.org>\r\nContent-Type: text/plain\r\n");
  }
}
