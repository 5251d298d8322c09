package dev.switchboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.auth.ApiKeys;
import dev.switchboard.auth.Authenticator;
import dev.switchboard.auth.DigestAuthenticator;
import dev.switchboard.auth.JwtAuthenticator;
import dev.switchboard.auth.LoginLimiter;
import dev.switchboard.config.Config;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The store, the core services and the authenticators, built in order from the configuration. The
 * CLI commands use these directly; {@link Server} adds the listeners.
 */
public final class Services implements AutoCloseable {
  public final Config config;
  public final Clock clock;
  public final Database db;
  public final DomainService domains;
  public final AccountService accounts;
  public final ApiKeys apiKeys;
  public final DigestAuthenticator digest;
  public final Authenticator authenticator;
  public final ObjectMapper json;

  public Services(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.db = Database.open(config.jdbcUrl(), config.database().user(), config.database().password(),
        config.database().poolSize());
    this.domains = new DomainService(db, clock);
    this.accounts = new AccountService(db, domains, clock);
    this.apiKeys = new ApiKeys(db, accounts, clock, Duration.ofMinutes(config.apiKey().expireMinutes()));
    this.digest = new DigestAuthenticator(db, accounts, clock, Duration.ofSeconds(config.auth().nonceTtlSeconds()));
    String keyFile = config.jwt().publicKeyFile();
    JwtAuthenticator jwt = keyFile == null || keyFile.isBlank()
        ? null : JwtAuthenticator.fromPemFile(Path.of(keyFile), accounts, clock);
    LoginLimiter limiter = new LoginLimiter(config.auth().maxFailures(), config.auth().failureWindowSeconds(), clock);
    this.authenticator = new Authenticator(apiKeys, jwt, digest, limiter, config.sip().domain());
    this.json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  @Override
  public void close() {
    apiKeys.flush();
    db.close();
  }
}
