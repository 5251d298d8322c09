package dev.switchboard.auth;

import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Secrets;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.Passwords;
import dev.switchboard.core.account.Role;
import dev.switchboard.store.Database;
import dev.switchboard.store.HermesDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hermes sessions: a login (account password checked against its HA1s, or a host-bound key) opens a
 * session with a short-lived auth key that auth/ping rotates. Sessions, keys and grants live in the
 * database, so every instance honours them. The previous auth key stays valid for a grace period
 * so that requests already in flight when a ping rotates it still pass.
 */
public final class HermesAuth {
  /** Access levels, by name or number. */
  public enum Access {
    LIMITED_READ(1), READ(2), WRITE(3), ADMIN(4);

    private final int level;

    Access(int level) {
      this.level = level;
    }

    public int level() {
      return level;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Access> parse(String value) {
      if (value == null) {
        return Optional.empty();
      }
      for (Access a : values()) {
        if (a.wireName().equals(value.trim().toLowerCase(Locale.ROOT)) || String.valueOf(a.level).equals(value.trim())) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }

    static Access of(int level) {
      for (Access a : values()) {
        if (a.level == level) {
          return a;
        }
      }
      throw new IllegalArgumentException("access level " + level);
    }
  }

  /** Who a session belongs to: its access, and the one domain it may see (null: all). */
  public record Caller(String session, Access access, String domain, Long accountId) {
    public boolean mayAct(Access needed) {
      return access.level() >= needed.level();
    }

    public boolean maySee(String targetDomain) {
      return domain == null || domain.equals(targetDomain);
    }
  }

  /** A new session. */
  public record Login(String session, String authKey) {}

  /** A key as list_keys shows it: never the key itself, which is stored hashed. */
  public record KeyView(String prefix, String host, Access access) {}

  /** Lifetimes. */
  public record Settings(Duration authKeyLifetime, Duration sessionLifetime, Duration idleTimeout, Duration grace) {}

  private final Database db;
  private final AccountService accounts;
  private final LoginLimiter limiter;
  private final Clock clock;
  private final Settings settings;

  public HermesAuth(Database db, AccountService accounts, LoginLimiter limiter, Clock clock, Settings settings) {
    this.db = db;
    this.accounts = accounts;
    this.limiter = limiter;
    this.clock = clock;
    this.settings = settings;
  }

  public Login loginWithPassword(String user, String domain, String password, String remoteAddress) {
    limiter.check(remoteAddress);
    Optional<Account> account = accounts.findBySip(user, domain)
        .filter(a -> !a.blocked() && password != null
            && accounts.passwords(a.id()).stream().anyMatch(p -> Passwords.matches(a, p, password)));
    Optional<Caller> access = account.flatMap(this::accessOf);
    if (access.isEmpty()) {
      limiter.recordFailure(remoteAddress);
      throw new UnauthorizedException("unauthorized");
    }
    return open(account.get().id(), null, access.get().access(), access.get().domain());
  }

  public Login loginWithKey(String key, String remoteAddress) {
    limiter.check(remoteAddress);
    Optional<HermesDao.Key> row = key == null ? Optional.empty()
        : db.read(d -> d.hermes().findKey(Secrets.hash(key)))
            .filter(k -> Cidr.parse(k.host()).map(c -> c.contains(remoteAddress)).orElse(false));
    if (row.isEmpty()) {
      limiter.recordFailure(remoteAddress);
      throw new UnauthorizedException("unauthorized");
    }
    return open(null, row.get().id(), Access.of(row.get().access()), null);
  }

  /** The access of an account: super_admin everywhere, admin in its domain, else its grant (limited_read: its domain). */
  private Optional<Caller> accessOf(Account a) {
    if (a.role() == Role.SUPER_ADMIN) {
      return Optional.of(new Caller(null, Access.ADMIN, null, a.id()));
    }
    if (a.role() == Role.ADMIN) {
      return Optional.of(new Caller(null, Access.ADMIN, a.domain(), a.id()));
    }
    return db.read(d -> d.hermes().grant(a.id())).map(g -> {
      Access access = Access.of(g.access());
      return new Caller(null, access, access == Access.LIMITED_READ ? a.domain() : null, a.id());
    });
  }

  private Login open(Long accountId, Long keyId, Access access, String domain) {
    String session = Ids.hex(16);
    String authKey = Ids.alphanumeric(32);
    Instant now = clock.instant();
    db.tx(d -> d.hermes().insertSession(session, accountId, keyId, access.level(), domain, Secrets.hash(authKey),
        now.plus(settings.authKeyLifetime()), now, now.plus(settings.sessionLifetime())));
    return new Login(session, authKey);
  }

  /** The caller of a request carrying session + auth_key; unauthorized when either is not live. */
  public Caller check(String session, String authKey) {
    HermesDao.Session s = live(session);
    Instant now = clock.instant();
    String hash = Secrets.hash(authKey == null ? "" : authKey);
    boolean current = Secrets.equal(hash, s.authKeyHash()) && s.authKeyExpiresAt().isAfter(now);
    boolean previous = s.previousKeyHash() != null && Secrets.equal(hash, s.previousKeyHash())
        && s.previousKeyUntil() != null && s.previousKeyUntil().isAfter(now);
    if (!current && !previous) {
      throw new UnauthorizedException("unauthorized");
    }
    db.write(d -> d.hermes().touchSession(session, now));
    return new Caller(session, Access.of(s.access()), s.domain(), s.accountId());
  }

  /** auth/ping: a new auth key; the presented one keeps working for the grace period only. */
  public String ping(String session, String authKey) {
    check(session, authKey);
    HermesDao.Session s = live(session);
    String next = Ids.alphanumeric(32);
    Instant now = clock.instant();
    String presented = Secrets.hash(authKey);
    // Rotate from the current key; a ping with the previous key (within its grace) rotates the current one.
    String from = Secrets.equal(presented, s.authKeyHash()) ? presented : s.authKeyHash();
    if (db.tx(d -> d.hermes().rotateKey(session, from, Secrets.hash(next), now.plus(settings.authKeyLifetime()),
        now.plus(settings.grace()), now)) == 0) {
      throw new UnauthorizedException("unauthorized");
    }
    return next;
  }

  public void logout(String session) {
    if (session != null) {
      db.tx(d -> d.hermes().deleteSession(session));
    }
  }

  private HermesDao.Session live(String session) {
    Instant now = clock.instant();
    return Optional.ofNullable(session).flatMap(name -> db.read(d -> d.hermes().session(name)))
        .filter(s -> s.expiresAt().isAfter(now) && s.lastSeenAt().plus(settings.idleTimeout()).isAfter(now))
        .orElseThrow(() -> new UnauthorizedException("unauthorized"));
  }

  public int purge() {
    return db.write(d -> d.hermes().purgeSessions(clock.instant()));
  }

  // Keys and grants (auth/* management)

  /** A new key for a host (an IP or a CIDR network); only its hash and first 6 characters are kept. */
  public String addKey(String host, Access access) {
    if (Cidr.parse(host).isEmpty()) {
      throw dev.switchboard.core.ValidationException.of("host", "The host must be an IP address or a CIDR network.");
    }
    String key = Ids.alphanumeric(40);
    db.tx(d -> d.hermes().insertKey(Secrets.hash(key), key.substring(0, 6), host.trim(), access.level(), clock.instant()));
    return key;
  }

  public void removeKey(String key) {
    if (key == null || db.tx(d -> d.hermes().deleteKey(Secrets.hash(key))) == 0) {
      throw new NotFoundException("No such key.");
    }
  }

  public List<KeyView> keys() {
    return db.read(d -> d.hermes().keys()).stream()
        .map(k -> new KeyView(k.keyPrefix(), k.host(), Access.of(k.access()))).toList();
  }

  public void grant(long accountId, Access access) {
    db.tx(d -> {
      d.hermes().deleteGrant(accountId);
      return d.hermes().insertGrant(accountId, access.level(), clock.instant());
    });
  }

  public void revoke(long accountId) {
    if (db.tx(d -> d.hermes().deleteGrant(accountId)) == 0) {
      throw new NotFoundException("No such authorization.");
    }
  }

  public List<HermesDao.Grant> grants() {
    return db.read(d -> d.hermes().grants());
  }
}
