package dev.switchboard.core.account;

import dev.switchboard.core.Ids;
import dev.switchboard.core.Like;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.SecretBox;
import dev.switchboard.core.Validation;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts as Hermes manages them: local users with generated passwords, remote (provisioning-only)
 * users of other domains, their line settings, and the cleartext password kept sealed where Hermes
 * must hand it out.
 */
public final class LineService {
  private static final int GENERATED_LENGTH = 10;

  /** An account with its line settings, stored HA1s and its cleartext password ("" when none is kept). */
  public record Line(Account account, LineSettings settings, List<Password> passwords, String password) {
    public Optional<Password> md5() {
      return passwords.stream().filter(p -> p.algorithm() == Algorithm.MD5).findFirst();
    }
  }

  /** What user/update did, parameter by parameter. */
  public record UpdateResult(List<String> updated, List<String> skipped, List<String> failed) {}

  private final Database db;
  private final AccountService accounts;
  private final DomainService domains;
  private final SecretBox box;
  private final Clock clock;

  public LineService(Database db, AccountService accounts, DomainService domains, SecretBox box, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.domains = domains;
    this.box = box;
    this.clock = clock;
  }

  public static String generatePassword() {
    return Ids.alphanumeric(GENERATED_LENGTH);
  }

  public Line get(String user, String domain) {
    Account account = accounts.findBySip(user, domain).orElseThrow(AccountService::notFound);
    return line(account);
  }

  public Line line(Account account) {
    return db.read(d -> {
      LineSettings settings = d.hermes().lineSettings(account.id()).orElseThrow(AccountService::notFound);
      String password = d.hermes().secret(account.id()).map(box::open).orElse("");
      return new Line(account, settings, d.passwords().list(account.id()), password == null ? "" : password);
    });
  }

  /** Accounts whose user@domain matches a glob (`*`, `?`), optionally in one domain, at most {@code limit}. */
  public List<Account> list(String glob, String domain, int limit) {
    String pattern = Like.glob(glob == null || glob.isEmpty() ? "*" : glob.toLowerCase(java.util.Locale.ROOT));
    return db.read(d -> domain == null
        ? d.hermes().search(pattern, limit)
        : d.hermes().searchInDomain(pattern, DomainService.normalize(domain), limit));
  }

  /** True when no account, alias or device holds user@domain. */
  public boolean available(String user, String domain) {
    return !accounts.addressTaken(user, domain);
  }

  /** user/add: a local user with a generated password; the domain must be served and have default servers. */
  public Line addLocal(String user, String domain) {
    Validation v = new Validation();
    AccountRules.username(v, user, true);
    v.throwIfAny();
    Domain local = domains.local(domain)
        .orElseThrow(() -> new RefusedException(RefusedException.Reason.UNKNOWN_DOMAIN, "The domain is not served here."));
    if (local.registrar() == null || local.registrar().isBlank()) {
      throw new RefusedException(RefusedException.Reason.NO_SERVERS, "No default servers for " + local.name()
          + ": set them with domain/set_servers.");
    }
    if (!available(user, local.name())) {
      throw new RefusedException(RefusedException.Reason.EXISTS, "The address is taken.");
    }
    String password = generatePassword();
    Account created = accounts.write(d -> {
      Account a = accounts.insert(d, local, user, password, EnumSet.allOf(Algorithm.class), null, null, null, null,
          true, Role.USER);
      seal(d, a.id(), password);
      return a;
    });
    return line(created);
  }

  /** user/add_remote: a provisioning-only user of a domain served elsewhere. */
  public Line addRemote(String user, String domain, String password, LineSettings settings, String displayName) {
    Validation v = new Validation();
    AccountRules.username(v, user, true);
    AccountRules.password(v, password, "password");
    v.throwIfAny();
    Account created = accounts.write(d -> {
      Domain remote = domains.ensureRemote(d, domain);
      if (SipAddresses.taken(d, user, remote.name())) {
        throw new RefusedException(RefusedException.Reason.EXISTS, "The address is taken.");
      }
      Account a = accounts.insert(d, remote, user, password, EnumSet.allOf(Algorithm.class), displayName, null, null,
          null, true, Role.USER);
      LineSettings s = settings;
      d.hermes().setLineSettings(a.id(), true, false, s.authid(), s.registrar(), s.rPort(), s.proxy(), s.pPort(),
          s.dialplan(), s.linetext(), s.rpid(), s.permittedcalls(), clock.instant());
      seal(d, a.id(), password);
      return a;
    });
    return line(created);
  }

  /** user/remove: refused while phones or aliases point at the account. */
  public void remove(String user, String domain) {
    Account account = accounts.findBySip(user, domain).orElseThrow(AccountService::notFound);
    db.tx(d -> {
      if (d.directory().devicesOf(account.id()) > 0) {
        throw new RefusedException(RefusedException.Reason.IN_USE, "Phones are associated with this user.");
      }
      if (!d.directory().aliasesOf(account.username(), account.domain()).isEmpty()) {
        throw new RefusedException(RefusedException.Reason.IN_USE, "Aliases point at this user.");
      }
      return accounts.delete(d, account);
    });
  }

  /** user/change_pw: every HA1 (MD5, SHA-256, ha1b) recomputed and the sealed cleartext replaced, at once. */
  public void changePassword(String user, String domain, String password) {
    Validation v = new Validation();
    AccountRules.password(v, password, "password");
    v.throwIfAny();
    Account account = accounts.findBySip(user, domain).orElseThrow(AccountService::notFound);
    db.tx(d -> {
      setPassword(d, account, password);
      return null;
    });
  }

  private void setPassword(Daos d, Account account, String password) {
    Passwords.replace(d, account, password, EnumSet.allOf(Algorithm.class), clock.instant());
    seal(d, account.id(), password);
  }

  private void seal(Daos d, long accountId, String password) {
    d.hermes().deleteSecret(accountId);
    d.hermes().insertSecret(accountId, box.seal(password), clock.instant());
  }

  public Account changeEmail(String user, String domain, String email) {
    Validation v = new Validation();
    v.check(email != null && !email.isEmpty(), "email", "The email field is required.");
    AccountRules.email(v, email);
    v.throwIfAny();
    Account account = accounts.findBySip(user, domain).orElseThrow(AccountService::notFound);
    return db.tx(d -> {
      if (accounts.settings().emailUnique() && d.accounts().countEmail(email, account.id()) > 0) {
        throw new RefusedException(RefusedException.Reason.EXISTS, "The email is taken.");
      }
      d.accounts().updateEmail(account.id(), email, clock.instant());
      return d.accounts().findById(account.id()).orElseThrow();
    });
  }

  /**
   * user/update: each known parameter is applied when it changes the user, skipped when it does not,
   * failed when its value is not acceptable; nothing is written when any failed.
   */
  public UpdateResult update(String user, String domain, Map<String, String> params) {
    Line line = get(user, domain);
    Account a = line.account();
    LineSettings s = line.settings();
    Map<String, String> current = new LinkedHashMap<>();
    current.put("displayname", a.displayName());
    current.put("email", a.email());
    current.put("authid", s.authid());
    current.put("registrar", s.registrar());
    current.put("r_port", s.rPort() == null ? null : s.rPort().toString());
    current.put("proxy", s.proxy());
    current.put("p_port", s.pPort() == null ? null : s.pPort().toString());
    current.put("dialplan", s.dialplan());
    current.put("linetext", s.linetext());
    current.put("rpid", s.rpid());
    current.put("permittedcalls", s.permittedcalls());
    List<String> updated = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Map<String, String> next = new LinkedHashMap<>(current);
    String password = null;
    for (Map.Entry<String, String> p : params.entrySet()) {
      String key = p.getKey();
      String value = p.getValue();
      if (key.equals("password")) {
        Validation v = new Validation();
        AccountRules.password(v, value, "password");
        if (!v.has("password")) {
          password = value;
          updated.add(key);
        } else {
          failed.add(key);
        }
        continue;
      }
      if (!current.containsKey(key)) {
        continue;
      }
      if (!acceptable(key, value)) {
        failed.add(key);
      } else if (java.util.Objects.equals(current.get(key), value)) {
        skipped.add(key);
      } else {
        next.put(key, value);
        updated.add(key);
      }
    }
    if (!failed.isEmpty()) {
      return new UpdateResult(List.of(), List.copyOf(skipped), List.copyOf(failed));
    }
    String newPassword = password;
    db.tx(d -> {
      Instant now = clock.instant();
      d.accounts().updateProfile(a.id(), a.username(), next.get("displayname"), next.get("email"), a.phone(),
          a.dtmfProtocol(), a.role().dbValue(), now);
      d.hermes().setLineSettings(a.id(), s.remote(), s.apiOnly(), next.get("authid"), next.get("registrar"),
          port(next.get("r_port")), next.get("proxy"), port(next.get("p_port")), next.get("dialplan"),
          next.get("linetext"), next.get("rpid"), next.get("permittedcalls"), now);
      if (newPassword != null) {
        setPassword(d, d.accounts().findById(a.id()).orElseThrow(), newPassword);
      }
      return null;
    });
    return new UpdateResult(List.copyOf(updated), List.copyOf(skipped), List.of());
  }

  private static boolean acceptable(String key, String value) {
    return switch (key) {
      case "r_port", "p_port" -> value == null || value.isEmpty() || value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535;
      case "email" -> {
        Validation v = new Validation();
        AccountRules.email(v, value);
        yield !v.has("email");
      }
      default -> value == null || value.length() <= 255;
    };
  }

  private static Integer port(String value) {
    return value == null || value.isEmpty() ? null : Integer.valueOf(value);
  }

  /** Marks an account as an API-only operator (Hermes auth/create_user). */
  public void markApiOnly(long accountId) {
    db.tx(d -> {
      LineSettings s = d.hermes().lineSettings(accountId).orElseThrow(AccountService::notFound);
      return d.hermes().setLineSettings(accountId, s.remote(), true, s.authid(), s.registrar(), s.rPort(), s.proxy(),
          s.pPort(), s.dialplan(), s.linetext(), s.rpid(), s.permittedcalls(), clock.instant());
    });
  }
}
