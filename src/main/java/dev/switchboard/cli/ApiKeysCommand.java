package dev.switchboard.cli;

import dev.switchboard.Services;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.SipAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `api-keys create --sip sip:U@D`: prints a fresh API key on stdout and nothing else. */
@Command(name = "api-keys", mixinStandardHelpOptions = true, description = "Manage API keys.",
    subcommands = ApiKeysCommand.Create.class)
public final class ApiKeysCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an API key for an account and print it (only its hash is stored).")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--sip", required = true, paramLabel = "sip:USER@DOMAIN", description = "The account.")
    String sip;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      SipAddress address = SipAddress.parse(sip)
          .orElseThrow(() -> new IllegalArgumentException("--sip must look like sip:user@domain"));
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        Account account = services.accounts.findBySip(address.user(), address.domain())
            .orElseThrow(() -> new IllegalArgumentException("no account " + sip));
        System.out.println(services.apiKeys.create(account.id()));
      }
      return 0;
    }
  }
}
