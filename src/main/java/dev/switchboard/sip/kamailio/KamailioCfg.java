package dev.switchboard.sip.kamailio;

import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigException;
import dev.switchboard.notify.Templates;
import dev.switchboard.store.Dialect;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kamailio.cfg for Kamailio 5.6 in front of this configuration: the template
 * kamailio/kamailio.cfg.peb (replaceable from templates.dir) filled with the PostgreSQL URL derived
 * from database.*, the listeners, the JSON-RPC port and the sip.* registration limits.
 */
public final class KamailioCfg {
  private static final Pattern LISTEN = Pattern.compile("(udp|tcp|tls|sctp):(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):\\d{1,5}");
  // Kamailio's db_url parser has no escaping: these would split the URL or end the #!define string.
  private static final Pattern URL_UNSAFE = Pattern.compile("[@:/\"\\s?#]");

  /** What the operator chose on the command line. */
  public record Options(List<String> listens, Integer rpcPort, boolean sha256, int dbMode, int children,
      int domainReloadSeconds) {}

  private KamailioCfg() {}

  public static String render(Config config, Options options) {
    String jdbc = config.jdbcUrl();
    if (Dialect.of(jdbc) != Dialect.POSTGRESQL) {
      throw new ConfigException("kamailio config: Kamailio needs the PostgreSQL database (database.url is "
          + (config.database().url().isBlank() ? "the embedded SQLite" : "not jdbc:postgresql:") + ")");
    }
    if (options.dbMode() < 0 || options.dbMode() > 3) {
      throw new ConfigException("--db-mode must be 0, 1, 2 or 3");
    }
    URI rpc = rpcUrl(config);
    int rpcPort = options.rpcPort() != null ? options.rpcPort() : rpc.getPort() > 0 ? rpc.getPort() : 80;
    List<String> listens = options.listens() == null || options.listens().isEmpty()
        ? defaultListens(config) : options.listens();
    for (String l : listens) {
      if (!LISTEN.matcher(l).matches()) {
        throw new ConfigException("--listen " + l + ": expected PROTO:IP:PORT, e.g. udp:192.0.2.10:5060");
      }
    }
    Config.Sip sip = config.sip();
    Map<String, Object> model = new HashMap<>();
    model.put("dbUrl", kamailioDbUrl(jdbc, config.database().user(), config.database().password()));
    model.put("listens", listens);
    model.put("rpcHost", rpc.getHost());
    model.put("rpcPort", rpcPort);
    model.put("sha256", options.sha256());
    model.put("dbMode", options.dbMode());
    model.put("children", options.children());
    model.put("domainReloadSeconds", options.domainReloadSeconds());
    model.put("minExpires", sip.minExpires());
    model.put("maxExpires", sip.maxExpires());
    model.put("defaultExpires", sip.defaultExpires());
    model.put("maxContacts", sip.maxContacts());
    return new Templates(config.templates().dir()).render("kamailio/kamailio.cfg.peb", model);
  }

  /** sip.host:sip.port over UDP and TCP: in kamailio mode they name Kamailio's SIP listener. */
  static List<String> defaultListens(Config config) {
    String host = config.sip().host();
    int port = config.sip().port();
    return List.of("udp:" + host + ":" + port, "tcp:" + host + ":" + port);
  }

  static URI rpcUrl(Config config) {
    try {
      URI uri = URI.create(config.kamailio().rpcUrl());
      if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("kamailio.rpc_url must be an http:// URL, e.g. http://127.0.0.1:5080/RPC");
    }
  }

  /**
   * jdbc:postgresql://host[:port]/db[?user=…&password=…] with database.user/password (which win) as
   * Kamailio's postgres://user:password@host:port/db.
   */
  static String kamailioDbUrl(String jdbc, String user, String password) {
    URI uri;
    try {
      uri = URI.create(jdbc.substring("jdbc:".length()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("kamailio config: database.url is not a URL Kamailio can use: " + jdbc);
    }
    String host = uri.getHost();
    String path = uri.getPath();
    if (host == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new ConfigException("kamailio config: database.url must be jdbc:postgresql://HOST[:PORT]/DATABASE "
          + "(one host) for Kamailio");
    }
    String u = user;
    String p = password;
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && kv[0].equals("user") && (u == null || u.isBlank())) {
          u = kv[1];
        } else if (kv.length == 2 && kv[0].equals("password") && (p == null || p.isBlank())) {
          p = kv[1];
        }
      }
    }
    String db = path.substring(1);
    for (String[] part : new String[][] {{"database user", u}, {"database password", p}, {"database name", db}}) {
      if (part[1] != null && URL_UNSAFE.matcher(part[1]).find()) {
        throw new ConfigException("kamailio config: the " + part[0] + " contains one of @ : / \" ? # or a space, "
            + "which Kamailio's db_url cannot carry; choose another");
      }
    }
    StringBuilder url = new StringBuilder("postgres://");
    if (u != null && !u.isBlank()) {
      url.append(u);
      if (p != null && !p.isEmpty()) {
        url.append(':').append(p);
      }
      url.append('@');
    }
    url.append(host).append(':').append(uri.getPort() > 0 ? uri.getPort() : 5432).append('/').append(db);
    return url.toString();
  }
}
