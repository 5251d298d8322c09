package dev.switchboard.cli;

import dev.switchboard.sip.kamailio.KamailioCfg;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `kamailio config`: the kamailio.cfg that puts Kamailio 5.6 in front of this server's PostgreSQL. */
@Command(name = "kamailio", mixinStandardHelpOptions = true,
    description = "Kamailio in front of Switchboard on the same PostgreSQL (sip.mode: kamailio).",
    subcommands = {KamailioCommand.ConfigFile.class})
public final class KamailioCommand {

  @Command(name = "config", mixinStandardHelpOptions = true,
      description = {"Print a kamailio.cfg for Kamailio 5.6: registrar (auth_db on the subscriber view, usrloc on "
          + "the location table), relay of MESSAGE/NOTIFY to registered contacts, JSON-RPC over HTTP on loopback.",
          "Run it with TZ=UTC: TZ=UTC kamailio -DD -E -f kamailio.cfg -Y RUNDIR"})
  static final class ConfigFile implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--listen", paramLabel = "PROTO:IP:PORT",
        description = "A SIP listener (repeatable). Default: udp and tcp on sip.host:sip.port.")
    List<String> listens;

    @Option(names = "--rpc-port", paramLabel = "N",
        description = "TCP port of the JSON-RPC (xhttp) listener. Default: the port of kamailio.rpc_url.")
    Integer rpcPort;

    @Option(names = "--sha256",
        description = "A SHA-256 instance (RFC 8760): challenges with SHA-256 and checks ha1_sha256. Kamailio 5.6 "
            + "has one algorithm per instance: run it beside the MD5 one, on other ports.")
    boolean sha256;

    @Option(names = "--db-mode", paramLabel = "N", defaultValue = "3",
        description = "usrloc db_mode: 3 (default) keeps no cache, so Switchboard and every node share the "
            + "location table; 2 caches and writes back on a timer.")
    int dbMode;

    @Option(names = "--children", paramLabel = "N", defaultValue = "4",
        description = "Worker processes per UDP listener and for TCP (default ${DEFAULT-VALUE}).")
    int children;

    @Option(names = "--domain-reload", paramLabel = "SECONDS", defaultValue = "30",
        description = "How often Kamailio reloads the domain view (default ${DEFAULT-VALUE}).")
    int domainReload;

    @Override
    public Integer call() {
      String cfg = KamailioCfg.render(config.load(),
          new KamailioCfg.Options(listens, rpcPort, sha256, dbMode, children, domainReload));
      System.out.print(cfg);
      return 0;
    }
  }
}
