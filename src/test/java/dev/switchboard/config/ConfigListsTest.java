package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists from the environment, and directory profiles that replace the defaults. */
class ConfigListsTest {
  @TempDir Path dir;

  @Test
  void a_list_key_takes_a_comma_separated_environment_value() {
    Config c = new ConfigLoader().load(null, Map.of("SWITCHBOARD_PHONED_AUTHORIZED_SUBNETS", "10.0.0.0/8, 127.0.0.1/32"));
    assertThat(c.phoned().authorizedSubnets()).containsExactly("10.0.0.0/8", "127.0.0.1/32");
    assertThatThrownBy(() -> new ConfigLoader().load(null, Map.of("SWITCHBOARD_PHONED_AUTHORIZED_SUBNETS", "lan")))
        .hasMessageContaining("phoned.authorized_subnets");
  }

  @Test
  void profiles_in_a_file_replace_the_default_ones() throws Exception {
    Path csv = dir.resolve("book.csv");
    Files.writeString(csv, "name,phone\n");
    Path file = dir.resolve("c.yml");
    Files.writeString(file, "phoned:\n  default_profile: office\ndirectory:\n  profiles:\n    office:\n      sources:\n"
        + "        - type: csv\n          file: " + csv + "\n          name_column: name\n"
        + "          number_columns: [{column: phone, label: \"\"}]\n");
    Config c = new ConfigLoader().load(file, Map.of());
    assertThat(c.directory().profiles()).containsOnlyKeys("office");
    assertThat(c.directory().profiles().get("office").sources().get(0).numberColumns().get(0).column()).isEqualTo("phone");
  }

  @Test
  void a_bad_profile_is_named() throws Exception {
    Path file = dir.resolve("c.yml");
    Files.writeString(file, "directory:\n  profiles:\n    default:\n      sources:\n        - type: rolodex\n");
    assertThatThrownBy(() -> new ConfigLoader().load(file, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("directory.profiles.default.sources");
    Files.writeString(file, "phoned:\n  default_profile: nowhere\n");
    assertThatThrownBy(() -> new ConfigLoader().load(file, Map.of())).hasMessageContaining("phoned.default_profile");
  }
}
