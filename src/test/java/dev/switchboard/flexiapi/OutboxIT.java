package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.Recorder;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deliveries survive a gateway outage and a restart: the API answers once the outbox row is
 * committed, and the worker sends it when the gateway is back. Also: operator templates win.
 */
class OutboxIT {
  @Test
  void an_sms_queued_during_an_outage_is_sent_after_a_restart_with_the_operators_template() throws Exception {
    Path templates = Files.createTempDirectory("sb-templates");
    Files.createDirectories(templates.resolve("sms"));
    Files.writeString(templates.resolve("sms/phone_change.peb"), "ACME code {{ code }} for {{ phone }}");
    TestDatabase db = TestDatabase.sqlite();
    try (Recorder gateway = new Recorder()) {
      Map<String, String> env = Map.of(
          "SWITCHBOARD_SMS_URL", gateway.url("/sms"),
          "SWITCHBOARD_TEMPLATES_DIR", templates.toString(),
          "SWITCHBOARD_OUTBOX_POLL_SECONDS", "1");
      gateway.down(true);
      String key;
      try (ServerProcess server = ServerProcess.start(db, env)) {
        server.cli("accounts", "create", "--username", "outbox01", "--domain", "sip.example.org", "--password",
            "outbox-secret");
        key = server.cli("api-keys", "create", "--sip", "sip:outbox01@sip.example.org").stdout().trim();
        var r = Http.send("POST", server.url("/api/accounts/me/phone/request"), "{\"phone\":\"+33612345679\"}",
            "x-api-key", key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(server.log()).contains("attempt 1 failed");
      }
      gateway.down(false);
      try (ServerProcess server = ServerProcess.start(db, env)) {
        // The first retry waits 5 s after the failed attempt.
        Recorder.Request sms = gateway.take(Duration.ofSeconds(20));
        assertThat(sms.body()).contains("ACME code ").contains("for +33612345679");
      }
    }
  }
}
