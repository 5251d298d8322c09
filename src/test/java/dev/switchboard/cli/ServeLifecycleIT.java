package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Http;
import dev.switchboard.support.Jar;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `serve` as an operator runs it: a bad configuration, SIGTERM, the log level flags, --help. */
class ServeLifecycleIT {

  @Test
  void sigterm_stops_the_server_cleanly() {
    ServerProcess server = ServerProcess.start(TestDatabase.sqlite(), Map.of());
    assertThat(Http.get(server.url("/api/ping")).status()).isEqualTo(200);
    int exit = server.stop();
    assertThat(exit).isIn(0, 143);
    assertThat(server.log()).contains("Switchboard stopping").contains("Switchboard stopped");
  }

  @Test
  void a_bad_configuration_stops_the_start_with_one_line_naming_the_key() throws Exception {
    Path dir = Files.createTempDirectory("sb-bad-config");
    Jar.Result r = Jar.run(Map.of("SWITCHBOARD_HTTP_PORT", "not-a-port"), dir, "serve");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("switchboard:")).toList())
        .singleElement().asString().contains("http.port");
    assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception");

    Path yaml = dir.resolve("bad.yml");
    Files.writeString(yaml, "database:\n  url: jdbc:oracle:thin:@x\n");
    Jar.Result file = Jar.run(Map.of(), dir, "serve", "-c", yaml.toString());
    assertThat(file.exitCode()).isEqualTo(2);
    assertThat(file.stderr()).contains("database.url").doesNotContain("\tat ");
  }

  @Test
  void a_store_that_cannot_be_migrated_stops_the_start() throws Exception {
    TestDatabase db = TestDatabase.sqlite();
    // A table Flyway did not create, and no schema history: Flyway refuses to migrate the schema.
    db.execute("CREATE TABLE not_ours (x INTEGER)");
    Map<String, String> env = new java.util.HashMap<>(db.env());
    env.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
    env.put("SWITCHBOARD_HTTP_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("SWITCHBOARD_SIP_ENABLED", "false");
    env.put("SWITCHBOARD_PHONED_HTTP_ENABLED", "false");
    env.put("SWITCHBOARD_PHONED_HTTPS_ENABLED", "false");
    Jar.Result r = Jar.run(env, Files.createTempDirectory("sb-unmigrated"), "serve");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("non-empty schema").doesNotContain("Switchboard listening");
  }

  @Test
  void an_unknown_log_level_is_refused() throws Exception {
    Jar.Result r = Jar.run(Map.of(), Files.createTempDirectory("sb-level"), "serve", "-l", "loud");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("-l must be one of critical, error, warning, info, debug");
  }

  @Test
  void dash_u_for_another_user_is_refused_with_the_way_to_do_it() throws Exception {
    Jar.Result r = Jar.run(Map.of(), Files.createTempDirectory("sb-user"), "serve", "-f", "-u", "nobody-else");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("-u nobody-else").contains("CAP_NET_BIND_SERVICE");
  }

  @Test
  void debug_flag_turns_on_debug_logs() {
    try (ServerProcess server = ServerProcess.start(TestDatabase.sqlite(), Map.of("SWITCHBOARD_LOG_LEVEL", "debug"))) {
      assertThat(server.log()).contains("DEBUG");
    }
  }

  @Test
  void every_command_has_help() throws Exception {
    Path dir = Files.createTempDirectory("sb-help");
    for (String[] command : new String[][] {{"--help"}, {"serve", "--help"}, {"accounts", "--help"},
        {"accounts", "create-admin", "--help"}, {"api-keys", "create", "--help"}}) {
      Jar.Result r = Jar.run(Map.of(), dir, command);
      assertThat(r.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(r.stdout()).contains("Usage:");
    }
    assertThat(Jar.run(Map.of(), dir, "serve", "--help").stdout()).contains("-c").contains("-d").contains("-l");
  }
}
