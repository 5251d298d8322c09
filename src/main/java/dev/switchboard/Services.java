package dev.switchboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import dev.switchboard.auth.ApiKeys;
import dev.switchboard.auth.Authenticator;
import dev.switchboard.auth.DigestAuthenticator;
import dev.switchboard.auth.JwtAuthenticator;
import dev.switchboard.auth.LoginLimiter;
import dev.switchboard.config.Config;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.auth.HermesAuth;
import dev.switchboard.core.SecretBox;
import dev.switchboard.core.account.AccountTypeService;
import dev.switchboard.core.account.LineService;
import dev.switchboard.core.alias.AliasService;
import dev.switchboard.core.device.PhoneService;
import dev.switchboard.core.device.DeviceService;
import dev.switchboard.core.device.DeviceSignals;
import dev.switchboard.core.domain.Tenants;
import dev.switchboard.core.account.KazooUsers;
import dev.switchboard.auth.KazooAuth;
import dev.switchboard.auth.KazooTokens;
import dev.switchboard.core.directory.DirectoryService;
import dev.switchboard.core.number.NumberPool;
import dev.switchboard.core.statistics.StatisticsService;
import dev.switchboard.core.account.ActionService;
import dev.switchboard.core.account.DictionaryService;
import dev.switchboard.core.account.ProvisioningTokens;
import dev.switchboard.core.contact.ContactService;
import dev.switchboard.core.account.SelfService;
import dev.switchboard.provisioning.Hooks;
import dev.switchboard.provisioning.Provisioning;
import dev.switchboard.core.notification.Outbox;
import dev.switchboard.core.notification.PushSender;
import dev.switchboard.core.token.TokenService;
import dev.switchboard.notify.HttpPushSender;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.core.message.MessageService;
import dev.switchboard.core.message.SipUac;
import dev.switchboard.core.registration.DeviceRegistrations;
import dev.switchboard.core.registration.RegistrationService;
import dev.switchboard.core.registration.SipCredentials;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.UnavailableUac;
import dev.switchboard.sip.kamailio.KamailioUac;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
  public final SelfService self;
  public final TokenService tokens;
  public final Outbox outbox;
  public final PushSender push;
  public final ProvisioningTokens provisioningTokens;
  public final ContactService contacts;
  public final AccountTypeService accountTypes;
  public final ActionService actions;
  public final DictionaryService dictionary;
  public final LineService lines;
  public final AliasService aliases;
  public final NumberPool numbers;
  public final PhoneService phones;
  public final DeviceService deviceService;
  public final DeviceSignals deviceSignals;
  public final Tenants tenants;
  public final KazooUsers kazooUsers;
  public final KazooAuth kazooAuth;
  public final HermesAuth hermesAuth;
  public final StatisticsService statistics;
  public final DirectoryService directory;
  public final Provisioning provisioning;
  public final ApiKeys apiKeys;
  public final DigestAuthenticator digest;
  public final Authenticator authenticator;
  public final ObjectMapper json;
  /** The built-in SIP layer, or null when sip.enabled is false or Kamailio does SIP (sip.mode: kamailio). */
  public final SipStack sip;
  /** The live SIP bindings (the location table), whoever wrote them. */
  public final RegistrationService registrations;
  /** Who may register with which HA1s (accounts and devices). */
  public final SipCredentials sipCredentials;
  /** Sends MESSAGE/NOTIFY to an AOR's contacts; refuses with SipUnavailableException when no SIP layer runs. */
  public final SipUac uac;
  /** FlexiAPI's registered devices: an account's live bindings. */
  public final DeviceRegistrations devices;
  /** Text messages over SIP (POST /api/messages). */
  public final MessageService messages;

  public Services(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.db = Database.open(config.jdbcUrl(), config.database().user(), config.database().password(),
        config.database().poolSize(), config.database().sipPoolSize());
    this.domains = new DomainService(db, clock);
    var a = config.accounts();
    // The registrar comes later: it resolves aliases through the accounts.
    var registrar = new java.util.concurrent.atomic.AtomicReference<dev.switchboard.core.registration.Registrations>();
    this.accounts = new AccountService(db, domains, clock, new AccountService.Settings(config.sip().domain(),
        config.app().adminsManageMultiDomains(), a.emailUnique(), Duration.ofMinutes(a.provisioningTokenExpireMinutes())),
        registrar::get);
    this.outbox = new Outbox(clock);
    this.self = new SelfService(db, accounts, domains, outbox, clock, Duration.ofMinutes(a.codeExpireMinutes()));
    this.push = new HttpPushSender(config.push(), clock);
    this.tokens = new TokenService(db, clock, new TokenService.Settings(
        Duration.ofMinutes(a.accountCreationTokenExpireMinutes()),
        Duration.ofMinutes(a.accountCreationRequestTokenExpireMinutes()),
        Duration.ofMinutes(a.authTokenExpireMinutes()), a.maxTokensPerDevice()), push);
    this.apiKeys = new ApiKeys(db, accounts, clock, Duration.ofMinutes(config.apiKey().expireMinutes()));
    this.sipCredentials = new SipCredentials(db);
    // Database-mode digest nonces are signed by a key every instance on the database shares: derived
    // from the database's secret (the registrar's nonce key, never used as is for another purpose),
    // not from secret.key, which is each host's own. Read by the first challenge, off the fast lane.
    this.digest = new DigestAuthenticator(db, accounts, clock, Duration.ofSeconds(config.auth().nonceTtlSeconds()),
        digestNonces(config.auth().digestNonces(), db.dialect()),
        () -> derive(java.util.HexFormat.of().parseHex(sipCredentials.nonceKey()), "http-digest-nonces"));
    this.provisioningTokens = new ProvisioningTokens(db, accounts, clock);
    this.contacts = new ContactService(db, accounts, clock);
    this.accountTypes = new AccountTypeService(db, accounts, clock);
    this.actions = new ActionService(db, accounts, clock);
    this.dictionary = new DictionaryService(db, accounts, clock);
    this.provisioning = new Provisioning(config.provisioning().linphonerc(), config.publicUrl(), config.sip().domain(),
        accounts, provisioningTokens, new Hooks(config.provisioning().hookTemplate(), config.publicUrl()));
    String keyFile = config.jwt().publicKeyFile();
    JwtAuthenticator jwt = keyFile == null || keyFile.isBlank()
        ? null : JwtAuthenticator.fromPemFile(Path.of(keyFile), accounts, clock);
    LoginLimiter limiter = new LoginLimiter(config.auth().maxFailures(), config.auth().failureWindowSeconds(), clock);
    byte[] serverKey = SecretKeyFile.loadOrCreate(config.dataPath().resolve("secret.key"));
    SecretBox box = new SecretBox(serverKey);
    this.lines = new LineService(db, accounts, domains, box, clock);
    this.aliases = new AliasService(db, accounts, domains, clock);
    this.numbers = new NumberPool(db, clock, config.hermes().maxNumberRange());
    this.phones = new PhoneService(db, accounts, clock);
    this.statistics = new StatisticsService(db, clock, config.app().adminsManageMultiDomains());
    this.directory = new DirectoryService(db, contacts, config.directory(), clock);
    var h = config.hermes();
    this.hermesAuth = new HermesAuth(db, accounts, limiter, clock, new HermesAuth.Settings(
        Duration.ofSeconds(h.authKeyLifetimeSeconds()), Duration.ofSeconds(h.sessionLifetimeSeconds()),
        Duration.ofSeconds(h.sessionIdleSeconds()), Duration.ofSeconds(h.authKeyGraceSeconds())));
    var sipConfig = config.sip();
    this.registrations = new RegistrationService(db, aliases, clock, new RegistrationService.Settings(
        sipConfig.minExpires(), sipConfig.maxExpires(), sipConfig.defaultExpires(), sipConfig.maxContacts()));
    registrar.set(registrations);
    this.deviceService = new DeviceService(db, box, clock, registrations);
    this.tenants = new Tenants(db, clock, registrations);
    this.kazooUsers = new KazooUsers(db, accounts, clock);
    this.kazooAuth = new KazooAuth(db, tenants, kazooUsers, accounts, new KazooTokens(derive(serverKey, "kazoo-tokens"),
        db, clock, Duration.ofSeconds(config.kazoo().tokenTtlSeconds())), limiter, box, clock);
    this.sip = sipConfig.enabled() && sipConfig.mode().equals("embedded")
        ? new SipStack(sipConfig, sipCredentials, registrations, clock) : null;
    this.uac = sip != null ? sip.uac()
        : sipConfig.enabled() ? KamailioUac.of(config, registrations)
        : new UnavailableUac("SIP is disabled on this server (sip.enabled: false): messages cannot be sent");
    this.devices = new DeviceRegistrations(registrations, accounts);
    this.messages = new MessageService(uac, accounts);
    this.deviceSignals = new DeviceSignals(registrations, uac);
    this.authenticator = new Authenticator(apiKeys, jwt, digest, limiter, config.sip().domain());
    // Times on the wire as Laravel writes them: UTC with microseconds, 2026-01-31T12:00:00.000000Z.
    DateTimeFormatter wireTime = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    this.json = new ObjectMapper()
        .registerModule(new JavaTimeModule().addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(wireTime.format(value));
          }
        }))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** auth.digest_nonces; auto: SQLite is one server, PostgreSQL may have several behind a balancer. */
  private static DigestAuthenticator.NonceStore digestNonces(String configured, dev.switchboard.store.Dialect dialect) {
    return switch (configured) {
      case "memory" -> DigestAuthenticator.NonceStore.MEMORY;
      case "database" -> DigestAuthenticator.NonceStore.DATABASE;
      default -> dialect == dev.switchboard.store.Dialect.SQLITE ? DigestAuthenticator.NonceStore.MEMORY
          : DigestAuthenticator.NonceStore.DATABASE;
    };
  }

  /** A separate key per use, derived from a secret key (HMAC-SHA256 of the label). */
  private static byte[] derive(byte[] serverKey, String label) {
    return dev.switchboard.core.Secrets.hmacSha256(serverKey)
        .doFinal(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    apiKeys.flush();
    db.close();
  }
}
