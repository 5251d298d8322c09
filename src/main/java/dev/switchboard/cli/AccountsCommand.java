package dev.switchboard.cli;

import dev.switchboard.Services;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.core.account.Role;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `accounts create-admin` and `accounts create`: bootstrap accounts without the API. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Manage accounts.",
    subcommands = {AccountsCommand.CreateAdmin.class, AccountsCommand.Create.class, AccountsCommand.LinkExternal.class})
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

    @Option(names = "--super-admin", description = "A super_admin: manages every domain (and is Hermes admin everywhere).")
    boolean superAdmin;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        Account a = services.accounts.createOrPromoteAdmin(options.username, options.domain, options.password,
            options.algorithm(), superAdmin ? Role.SUPER_ADMIN : Role.ADMIN);
        System.out.println(a.role().dbValue() + " " + a.sipUri() + " (id " + a.id() + ")");
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

  @Command(name = "link-external", mixinStandardHelpOptions = true,
      description = "Link an account on another SIP service to an account; provisioning then configures both.")
  static final class LinkExternal implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--sip", required = true, paramLabel = "sip:USER@DOMAIN", description = "Our account.")
    String sip;

    @Option(names = "--username", required = true, description = "Username on the external service.")
    String username;

    @Option(names = "--domain", required = true, description = "Domain of the external service.")
    String domain;

    @Option(names = "--password", required = true, description = "Password (only its HA1 is kept).")
    String password;

    @Option(names = "--algorithm", defaultValue = "MD5", description = "MD5 (default) or SHA-256.")
    String algorithm;

    @Option(names = "--realm", description = "Digest realm (default: the domain).")
    String realm;

    @Option(names = "--registrar", description = "Registrar host[:port] (default: the domain).")
    String registrar;

    @Option(names = "--outbound-proxy", description = "Outbound proxy host[:port].")
    String outboundProxy;

    @Option(names = "--protocol", defaultValue = "UDP", description = "UDP (default), TCP or TLS.")
    String protocol;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        Account account = services.accounts.findBySip(sip)
            .orElseThrow(() -> new IllegalArgumentException("no account " + sip));
        services.provisioningTokens.linkExternal(account.id(), username, domain, realm, password, algorithm,
            registrar, outboundProxy, protocol);
        System.out.println("linked sip:" + username + "@" + domain + " to " + account.sipUri());
      }
      return 0;
    }
  }
}
