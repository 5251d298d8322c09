package dev.switchboard.cli;

import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** `-c CONFIG_FILE`, shared by every command: they all read the same configuration as `serve`. */
public final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "CONFIG_FILE",
      description = "YAML configuration file (see config/switchboard.yml); SWITCHBOARD_* variables override it.")
  Path file;

  public Config load() {
    return new ConfigLoader().load(file, System.getenv());
  }
}
