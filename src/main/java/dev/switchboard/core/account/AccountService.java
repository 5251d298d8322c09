package dev.switchboard.core.account;

import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Accounts: the rules on usernames and passwords, creation, lookups, roles. */
public final class AccountService {
  public static final int MIN_USERNAME_LENGTH = 6;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.+\\-~!$&'()*=,;]+");
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ().\\-]{6,}");

  private final Database db;
  private final DomainService domains;
  private final Clock clock;

  public AccountService(Database db, DomainService domains, Clock clock) {
    this.db = db;
    this.domains = domains;
    this.clock = clock;
  }

  public Optional<Account> findById(long id) {
    return db.read(daos -> daos.accounts().findById(id));
  }

  public Optional<Account> findBySip(String username, String domain) {
    return db.read(daos -> daos.accounts().findBySip(username, DomainService.normalize(domain)));
  }

  /** The account with that email, when exactly one account has it. */
  public Optional<Account> findByUniqueEmail(String email) {
    var found = db.read(daos -> daos.accounts().findByEmail(email));
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  public Account getById(long id) {
    return findById(id).orElseThrow(() -> new NotFoundException("Account not found"));
  }

  /** The stored credentials of an account, by algorithm. */
  public java.util.List<Password> passwords(long accountId) {
    return db.read(daos -> daos.passwords().list(accountId));
  }

  /** The stored HA1 of that algorithm, if the account has one. */
  public Optional<Password> password(long accountId, Algorithm algorithm) {
    return db.read(daos -> daos.passwords().find(accountId, algorithm.wireName()));
  }

  /** Checks a username against FlexiAPI's rules: 6+ characters, SIP-safe, not shaped like a phone number. */
  public static void checkUsername(Validation v, String username) {
    if (username == null || username.isBlank()) {
      v.add("username", "The username field is required.");
      return;
    }
    v.check(username.length() >= MIN_USERNAME_LENGTH, "username",
        "The username must be at least " + MIN_USERNAME_LENGTH + " characters.");
    v.check(username.length() <= 64, "username", "The username may not be greater than 64 characters.");
    v.check(USERNAME.matcher(username).matches(), "username", "The username contains invalid characters.");
    v.check(!PHONE_LIKE.matcher(username).matches(), "username", "The username must not be a phone number.");
  }

  public static void checkPassword(Validation v, String password) {
    if (password == null || password.isEmpty()) {
      v.add("password", "The password field is required.");
      return;
    }
    v.check(password.length() >= Passwords.MIN_LENGTH, "password",
        "The password must be at least " + Passwords.MIN_LENGTH + " characters.");
  }

  /**
   * Creates an admin account, or makes an existing account an admin and sets its password. With no
   * algorithm, both the MD5 and the SHA-256 HA1 are stored.
   */
  public Account createOrPromoteAdmin(String username, String domainName, String password, Algorithm algorithm) {
    Validation v = new Validation();
    checkUsername(v, username);
    checkPassword(v, password);
    v.check(DomainService.isValidName(DomainService.normalize(domainName)), "domain",
        "The domain must be a valid domain name.");
    v.throwIfAny();
    Set<Algorithm> algorithms = algorithm == null ? EnumSet.allOf(Algorithm.class) : EnumSet.of(algorithm);
    return db.tx(daos -> {
      Instant now = clock.instant();
      Domain domain = domains.ensure(daos, domainName);
      Account account = daos.accounts().findBySip(username, domain.name()).orElse(null);
      if (account == null) {
        long id = daos.accounts().insert(Ids.uuid(), username, domain.id(), null, null, null, true,
            Role.ADMIN.dbValue(), null, now);
        account = daos.accounts().findById(id).orElseThrow();
      } else if (account.role() == Role.USER) {
        daos.accounts().updateRole(account.id(), Role.ADMIN.dbValue(), now);
        daos.accounts().updateActivated(account.id(), true, now);
        account = daos.accounts().findById(account.id()).orElseThrow();
      }
      Passwords.replace(daos, account, password, algorithms, now);
      return account;
    });
  }

  /** Creates an activated user account (used by the CLI; the FlexiAPI face brings its own rules). */
  public Account createUser(String username, String domainName, String password, Algorithm algorithm) {
    Validation v = new Validation();
    checkUsername(v, username);
    checkPassword(v, password);
    v.throwIfAny();
    Set<Algorithm> algorithms = algorithm == null ? EnumSet.allOf(Algorithm.class) : EnumSet.of(algorithm);
    return db.tx(daos -> {
      Instant now = clock.instant();
      Domain domain = domains.ensure(daos, domainName);
      if (daos.accounts().findBySip(username, domain.name()).isPresent()) {
        throw dev.switchboard.core.ValidationException.of("username", "The username has already been taken.");
      }
      long id = daos.accounts().insert(Ids.uuid(), username, domain.id(), null, null, null, true,
          Role.USER.dbValue(), null, now);
      Account account = daos.accounts().findById(id).orElseThrow();
      Passwords.replace(daos, account, password, algorithms, now);
      return account;
    });
  }

  public void setBlocked(long accountId, boolean blocked) {
    int changed = db.tx(daos -> daos.accounts().updateBlocked(accountId, blocked, clock.instant()));
    if (changed == 0) {
      throw new NotFoundException("Account not found");
    }
  }
}
