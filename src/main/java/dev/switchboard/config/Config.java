package dev.switchboard.config;

import java.nio.file.Path;

/** The whole configuration, bound from config/switchboard.yml, the `-c` file and the environment. */
public record Config(
    String dataDir,
    Http http,
    Database database,
    Sip sip,
    App app,
    Accounts accounts,
    Jwt jwt,
    ApiKey apiKey,
    Auth auth,
    Log log) {

  public record Http(String host, int port, long maxRequestBytes, int shutdownGraceSeconds) {}

  public record Database(String url, String user, String password, int poolSize) {}

  public record Sip(String domain) {}

  public record App(boolean adminsManageMultiDomains, boolean dangerousEndpoints) {}

  public record Accounts(boolean emailUnique) {}

  public record Jwt(String publicKeyFile) {}

  public record ApiKey(int expireMinutes) {}

  public record Auth(int nonceTtlSeconds, int maxFailures, int failureWindowSeconds) {}

  public record Log(String level) {}

  public Path dataPath() {
    return Path.of(dataDir);
  }

  /** The JDBC URL in force: the configured one, or the embedded SQLite file under data_dir. */
  public String jdbcUrl() {
    if (database.url() != null && !database.url().isBlank()) {
      return database.url();
    }
    return "jdbc:sqlite:" + dataPath().resolve("switchboard.db");
  }

  public Config withHttpPort(int port) {
    return new Config(dataDir, new Http(http.host(), port, http.maxRequestBytes(), http.shutdownGraceSeconds()),
        database, sip, app, accounts, jwt, apiKey, auth, log);
  }

  public Config withLogLevel(String level) {
    return new Config(dataDir, http, database, sip, app, accounts, jwt, apiKey, auth, new Log(level));
  }
}
