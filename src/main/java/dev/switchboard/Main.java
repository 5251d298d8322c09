package dev.switchboard;

import dev.switchboard.cli.AccountsCommand;
import dev.switchboard.cli.ApiKeysCommand;
import dev.switchboard.cli.DomainsCommand;
import dev.switchboard.cli.KamailioCommand;
import dev.switchboard.cli.ServeCommand;
import dev.switchboard.config.ConfigException;
import dev.switchboard.core.ValidationException;
import java.io.PrintWriter;
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
    // `serve` alone, as ./switchboard and bench/run start it, skips picocli: building its command
    // model took a fifth of a start. With any option (or any other command), picocli parses as usual.
    if (args.length == 1 && args[0].equals("serve")) {
      System.exit(serve());
    }
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      Integer code = operatorError(e, cmd.getErr());
      if (code == null) {
        throw e;
      }
      return code;
    });
    return cli;
  }

  /** `serve` without options, as picocli would run it: the same errors, the same exit codes. */
  static int serve() {
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      return ServeCommand.withDefaults().call();
    } catch (Exception e) {
      Integer code = operatorError(e, err);
      if (code != null) {
        return code;
      }
      e.printStackTrace(err);
      return 1;
    }
  }

  /** Operator errors are one line on stderr, never a stack trace: exit code 2; null for any other. */
  private static Integer operatorError(Exception e, PrintWriter err) {
    if (e instanceof ConfigException || e instanceof ValidationException) {
      err.println("switchboard: " + describe(e));
      return 2;
    }
    if (e instanceof IllegalArgumentException && e.getMessage() != null) {
      err.println("switchboard: " + e.getMessage());
      return 2;
    }
    return null;
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
