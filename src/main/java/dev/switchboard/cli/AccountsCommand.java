package dev.switchboard.cli;

import dev.switchboard.Services;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Algorithm;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `accounts create-admin` and `accounts create`: bootstrap accounts without the API. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Manage accounts.",
    subcommands = {AccountsCommand.CreateAdmin.class, AccountsCommand.Create.class})
public final class AccountsCommand {

  /** Options shared by the account-creating commands. */
  static class AccountOptions {
    @Option(names = "--username", required = true, description = "SIP username (6 characters or more).")
    String username;

    @Option(names = "--domain", required = true, description = "SIP domain (created when missing).")
    String domain;

    @Option(names = "--password", required = true, description = "Password (6 characters or more).")
    String password;

    @Option(names = "--algorithm", paramLabel = "MD5|SHA-256",
        description = "Store only this digest algorithm's HA1 (default: both MD5 and SHA-256).")
    String algorithm;

    Algorithm algorithm() {
      if (algorithm == null) {
        return null;
      }
      return Algorithm.fromWire(algorithm)
          .orElseThrow(() -> new IllegalArgumentException("--algorithm must be MD5 or SHA-256"));
    }
  }

  @Command(name = "create-admin", mixinStandardHelpOptions = true,
      description = "Create an admin account, or promote an existing account to admin and set its password.")
  static final class CreateAdmin implements Callable<Integer> {
    @Mixin ConfigOption config;
    @Mixin AccountOptions options;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        Account a = services.accounts.createOrPromoteAdmin(options.username, options.domain, options.password,
            options.algorithm());
        System.out.println("admin " + a.sipUri() + " (id " + a.id() + ")");
      }
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an activated user account.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;
    @Mixin AccountOptions options;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        Account a = services.accounts.createUser(options.username, options.domain, options.password,
            options.algorithm());
        System.out.println("user " + a.sipUri() + " (id " + a.id() + ")");
      }
      return 0;
    }
  }
}
