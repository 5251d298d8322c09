package dev.switchboard.phoned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory account index picks up new accounts within directory.refresh_seconds. */
class DirectoryRefreshIT {
  @Test
  void a_new_account_shows_in_lookups_after_the_refresh_period() throws Exception {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(), Map.of("SWITCHBOARD_DIRECTORY_REFRESH_SECONDS", "1"))) {
      String url = server.phoned("/0.1/directories/lookup/default/yealink?term=latecomer");
      assertThat(Http.get(url).body()).contains("No entries");
      assertThat(server.cli("accounts", "create", "--username", "latecomer1", "--domain", "sip.example.org",
          "--password", "secret1").exitCode()).isZero();
      long deadline = System.currentTimeMillis() + 10_000;
      String body = Http.get(url).body();
      while (!body.contains("latecomer1") && System.currentTimeMillis() < deadline) {
        Thread.sleep(300);
        body = Http.get(url).body();
      }
      assertThat(body).contains("<Telephone>latecomer1</Telephone>");
    }
  }
}
