package dev.switchboard.cli;

import dev.switchboard.Services;
import dev.switchboard.core.domain.Domain;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `domains create|list|set-servers`: the operator's side of the domains Hermes serves. */
@Command(name = "domains", mixinStandardHelpOptions = true, description = "Manage SIP domains.",
    subcommands = {DomainsCommand.Create.class, DomainsCommand.ListDomains.class, DomainsCommand.SetServers.class})
public final class DomainsCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a local domain (no-op when it exists).")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "DOMAIN", description = "The domain name.")
    String name;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        System.out.println(services.domains.ensure(name).name());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the domains with their servers.")
  static final class ListDomains implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        for (Domain d : services.domains.list()) {
          System.out.println(d.name() + "\t" + (d.local() ? "local" : "remote") + "\t" + nz(d.registrar()) + ":"
              + nz(d.rPort()) + "\t" + nz(d.proxy()) + ":" + nz(d.pPort()) + "\t" + nz(d.provUrl()));
        }
      }
      return 0;
    }

    private static String nz(Object o) {
      return o == null ? "" : o.toString();
    }
  }

  @Command(name = "set-servers", mixinStandardHelpOptions = true,
      description = "Set a domain's default registrar, proxy and provisioning URL (creates the domain).")
  static final class SetServers implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "DOMAIN", description = "The domain name.")
    String name;

    @Option(names = "--registrar", required = true) String registrar;
    @Option(names = "--r-port", defaultValue = "5060") int rPort;
    @Option(names = "--proxy", required = true) String proxy;
    @Option(names = "--p-port", defaultValue = "5060") int pPort;
    @Option(names = "--prov-url", defaultValue = "") String provUrl;

    @Override
    public Integer call() {
      Logging.setLevel("WARN");
      try (Services services = new Services(config.load(), Clock.systemUTC())) {
        Domain d = services.domains.setServers(name, registrar, rPort, proxy, pPort, provUrl);
        System.out.println(d.name() + " " + d.registrar() + ":" + d.rPort() + " " + d.proxy() + ":" + d.pPort());
      }
      return 0;
    }
  }
}
