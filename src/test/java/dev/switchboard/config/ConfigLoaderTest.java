package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Config load(String yaml, Map<String, String> env) throws Exception {
    Path file = null;
    if (yaml != null) {
      file = dir.resolve("switchboard.yml");
      Files.writeString(file, yaml);
    }
    return new ConfigLoader().load(file, env);
  }

  @Test
  void defaults_come_from_the_documented_file() throws Exception {
    Config c = load(null, Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo("./data");
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:sqlite:./data/switchboard.db");
    assertThat(c.app().dangerousEndpoints()).isFalse();
    assertThat(c.accounts().emailUnique()).isFalse();
  }

  @Test
  void the_file_overrides_defaults_and_the_environment_overrides_the_file() throws Exception {
    Config c = load("http:\n  port: 9000\n  host: 127.0.0.1\nsip:\n  domain: voice.example.com\n",
        Map.of("SWITCHBOARD_HTTP_PORT", "9100", "SWITCHBOARD_APP_DANGEROUS_ENDPOINTS", "true",
            "SWITCHBOARD_DATA_DIR", "/var/lib/sb"));
    assertThat(c.http().port()).isEqualTo(9100);
    assertThat(c.http().host()).isEqualTo("127.0.0.1");
    assertThat(c.sip().domain()).isEqualTo("voice.example.com");
    assertThat(c.app().dangerousEndpoints()).isTrue();
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/sb/switchboard.db");
  }

  @Test
  void a_postgresql_url_is_used_as_given() throws Exception {
    Config c = load(null, Map.of("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/sb"));
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/sb");
  }

  @Test
  void an_unknown_key_is_named() {
    assertThatThrownBy(() -> load("http:\n  prot: 80\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessage("unknown configuration key 'http.prot'");
  }

  @Test
  void a_value_of_the_wrong_type_is_named() {
    assertThatThrownBy(() -> load(null, Map.of("SWITCHBOARD_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'http.port'");
    assertThatThrownBy(() -> load("app:\n  dangerous_endpoints: maybe\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'app.dangerous_endpoints'");
  }

  @Test
  void out_of_range_values_are_named() {
    assertThatThrownBy(() -> load(null, Map.of("SWITCHBOARD_HTTP_PORT", "70000")))
        .hasMessageContaining("'http.port'");
    assertThatThrownBy(() -> load(null, Map.of("SWITCHBOARD_DATABASE_URL", "jdbc:mysql://x/y")))
        .hasMessageContaining("'database.url'");
    assertThatThrownBy(() -> load(null, Map.of("SWITCHBOARD_LOG_LEVEL", "loud")))
        .hasMessageContaining("'log.level'");
    assertThatThrownBy(() -> load(null, Map.of("SWITCHBOARD_AUTH_DIGEST_NONCES", "redis")))
        .hasMessageContaining("'auth.digest_nonces'");
    assertThatThrownBy(() -> load(null, Map.of("SWITCHBOARD_JWT_PUBLIC_KEY_FILE", "/nonexistent.pem")))
        .hasMessageContaining("'jwt.public_key_file'");
  }

  @Test
  void sip_values_are_checked() {
    for (String[] bad : new String[][] {{"SWITCHBOARD_SIP_MODE", "asterisk", "'sip.mode'"},
        {"SWITCHBOARD_SIP_PORT", "65536", "'sip.port'"}, {"SWITCHBOARD_SIP_MIN_EXPIRES", "0", "'sip.min_expires'"},
        {"SWITCHBOARD_SIP_DEFAULT_EXPIRES", "10", "'sip.default_expires'"},
        {"SWITCHBOARD_SIP_OUTBOUND_PROXY", "proxy.example.org", "'sip.outbound_proxy'"},
        {"SWITCHBOARD_SIP_CHALLENGE_ALGORITHMS", "MD5, SHA-1", "'sip.challenge_algorithms'"},
        {"SWITCHBOARD_SIP_BLOCK_SECONDS", "0", "'sip.block_seconds'"}}) {
      assertThatThrownBy(() -> load(null, Map.of(bad[0], bad[1]))).as(bad[0]).hasMessageContaining(bad[2]);
    }
  }

  @Test
  void a_file_that_is_not_yaml_is_reported_in_one_line() {
    assertThatThrownBy(() -> load("http: [unclosed\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("not valid YAML"));
  }

  @Test
  void environment_names_follow_the_key_path() {
    assertThat(ConfigLoader.environmentName("app.admins_manage_multi_domains"))
        .isEqualTo("SWITCHBOARD_APP_ADMINS_MANAGE_MULTI_DOMAINS");
  }
}
