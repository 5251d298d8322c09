package dev.switchboard.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The whole configuration, bound from config/switchboard.yml, the `-c` file and the environment. */
public record Config(
    String dataDir,
    Http http,
    Database database,
    Sip sip,
    Kamailio kamailio,
    Kazoo kazoo,
    App app,
    Accounts accounts,
    Jwt jwt,
    ApiKey apiKey,
    Auth auth,
    Provisioning provisioning,
    Hermes hermes,
    Phoned phoned,
    Directory directory,
    Mail mail,
    Sms sms,
    Push push,
    Outbox outbox,
    Templates templates,
    Log log) {

  public record Http(String host, int port, long maxRequestBytes, int shutdownGraceSeconds, String publicUrl) {}

  public record Database(String url, String user, String password, int poolSize, int sipPoolSize) {}

  /**
   * SIP: the registrar and UAC built in (mode embedded), or Kamailio in front on the same
   * PostgreSQL (mode kamailio: no SIP listener here, requests go through Kamailio's JSON-RPC).
   */
  public record Sip(String domain, boolean enabled, String mode, String host, int port, String advertisedHost,
      String outboundProxy, int minExpires, int maxExpires, int defaultExpires, int maxContacts,
      int nonceTtlSeconds, int maxFailures, int failureWindowSeconds, int blockSeconds, String challengeAlgorithms) {}

  public record Kamailio(String rpcUrl, int rpcTimeoutSeconds) {}

  public record Kazoo(int tokenTtlSeconds, boolean usersManageAllDevices) {}

  public record App(boolean adminsManageMultiDomains, boolean dangerousEndpoints) {}

  public record Accounts(
      boolean emailUnique,
      int accountCreationTokenExpireMinutes,
      int accountCreationRequestTokenExpireMinutes,
      int authTokenExpireMinutes,
      int provisioningTokenExpireMinutes,
      int codeExpireMinutes,
      int maxTokensPerDevice,
      boolean validationCaptcha) {}

  public record Jwt(String publicKeyFile) {}

  public record ApiKey(int expireMinutes) {}

  public record Auth(int nonceTtlSeconds, String digestNonces, int maxFailures, int failureWindowSeconds) {}

  public record Provisioning(String linphonerc, boolean requireLinphoneHeader, String hookTemplate) {}

  public record Hermes(int authKeyLifetimeSeconds, int authKeyGraceSeconds, int sessionLifetimeSeconds,
      int sessionIdleSeconds, int maxNumberRange) {}

  public record Phoned(Listener http, Tls https, List<String> authorizedSubnets, String defaultProfile) {}

  public record Listener(boolean enabled, String host, int port) {}

  public record Tls(boolean enabled, String host, int port, String certificate, String privateKey) {}

  public record Directory(int refreshSeconds, Map<String, Profile> profiles) {}

  public record Profile(List<Source> sources) {}

  /** A directory source; which fields matter depends on its type (accounts, personal, csv, ldap). */
  public record Source(String type, List<String> domains, String file, String nameColumn,
      List<NumberField> numberColumns, String url, String bindDn, String bindPassword, String baseDn, String filter,
      String nameAttribute, List<NumberField> numberAttributes, Integer connectTimeoutMs, Integer responseTimeoutMs) {}

  /** A number column (csv) or attribute (ldap) and the label its lines carry ("" for none). */
  public record NumberField(String column, String attribute, String label) {}

  public record Mail(String host, int port, String security, String username, String password, String from) {}

  public record Sms(String url, String username, String password, String sender, String contentType,
      String bodyTemplate) {}

  public record Push(String fcmUrl, String fcmAccessToken, String apnsUrl, String apnsSandboxUrl, String apnsKeyFile,
      String apnsKeyId, String apnsTeamId, int timeoutSeconds) {}

  public record Outbox(int pollSeconds, int maxAttempts) {}

  public record Templates(String dir) {}

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

  public Config withLogLevel(String level) {
    return new Config(dataDir, http, database, sip, kamailio, kazoo, app, accounts, jwt, apiKey, auth, provisioning, hermes, phoned, directory, mail, sms, push, outbox,
        templates, new Log(level));
  }

  /** The base URL clients reach this server at, without a trailing slash. */
  public String publicUrl() {
    String url = http.publicUrl();
    if (url == null || url.isBlank()) {
      return "http://" + sip.domain() + ":" + http.port();
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
