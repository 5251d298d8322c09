package dev.switchboard;

import dev.switchboard.cli.AccountsCommand;
import dev.switchboard.cli.ApiKeysCommand;
import dev.switchboard.cli.DomainsCommand;
import dev.switchboard.cli.KamailioCommand;
import dev.switchboard.cli.ServeCommand;
import dev.switchboard.config.ConfigException;
import dev.switchboard.core.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: `switchboard serve`, and the operator's bootstrap commands. */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Account and provisioning server for SIP voice services.",
    subcommands = {ServeCommand.class, AccountsCommand.class, ApiKeysCommand.class, DomainsCommand.class,
        KamailioCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Operator errors are one line on stderr, never a stack trace.
      if (e instanceof ConfigException || e instanceof ValidationException) {
        cmd.getErr().println("switchboard: " + describe(e));
        return 2;
      }
      if (e instanceof IllegalArgumentException && e.getMessage() != null) {
        cmd.getErr().println("switchboard: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli;
  }

  private static String describe(Exception e) {
    if (e instanceof ValidationException v) {
      return String.join(" ", v.errors().values().stream().flatMap(java.util.List::stream).toList());
    }
    return e.getMessage();
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"switchboard " + (v == null ? "development" : v)};
    }
  }
}
