package dev.switchboard.core.account;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Page;
import dev.switchboard.core.Secrets;
import dev.switchboard.core.Validation;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.core.registration.Registrations;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.DuplicateKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Accounts: lookups, every way of creating one, and what admins do to them. Admins act within their
 * own domain unless app.admins_manage_multi_domains is on; a super_admin acts everywhere.
 */
public final class AccountService {
  /**
   * A created or re-provisioned account with the secrets shown once (null when none were made), and
   * its details when the write already knows them all (null: read them).
   */
  public record Issued(Account account, String confirmationKey, String provisioningToken, AccountDetails details) {}

  /** The account-wide settings the rules depend on. */
  public record Settings(String defaultDomain, boolean adminsManageMultiDomains, boolean emailUnique,
      Duration provisioningTokenTtl) {}

  private final Database db;
  private final DomainService domains;
  private final Clock clock;
  private final Settings settings;
  /** A supplier: the registrar is built after the accounts, as it resolves aliases through them. */
  private final Supplier<Registrations> registrations;

  public AccountService(Database db, DomainService domains, Clock clock, Settings settings,
      Supplier<Registrations> registrations) {
    this.db = db;
    this.domains = domains;
    this.clock = clock;
    this.settings = settings;
    this.registrations = registrations;
  }

  public Settings settings() {
    return settings;
  }

  // Lookups

  public Optional<Account> findById(long id) {
    return db.fast().accountById(id);
  }

  public Optional<Account> findBySip(String username, String domain) {
    return db.fast().accountBySip(username, DomainService.normalize(domain));
  }

  /** Whether an account, an alias or a device holds username@domain (see {@link SipAddresses}). */
  public boolean addressTaken(String username, String domain) {
    return db.read(d -> SipAddresses.taken(d, username, DomainService.normalize(domain)));
  }

  public Optional<Account> findBySip(String sip) {
    return SipAddress.parse(sip).flatMap(a -> findBySip(a.user(), a.domain()));
  }

  /** The account with that email, when exactly one account has it. */
  public Optional<Account> findByUniqueEmail(String email) {
    List<Account> found = db.read(daos -> daos.accounts().findByEmail(email));
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** The account with that phone number (E.164), when exactly one account has it. */
  public Optional<Account> findByUniquePhone(String phone) {
    return PhoneNumbers.e164(phone).flatMap(e164 -> {
      List<Account> found = db.read(daos -> daos.accounts().findByPhone(e164));
      return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    });
  }

  public Account getById(long id) {
    return findById(id).orElseThrow(AccountService::notFound);
  }

  /** Credentials, dictionary, types and actions of an account, read together. */
  public AccountDetails details(long accountId) {
    return db.fast().details(accountId);
  }

  public List<Password> passwords(long accountId) {
    return db.fast().passwords(accountId);
  }

  public Optional<Password> password(long accountId, Algorithm algorithm) {
    for (Password p : passwords(accountId)) {
      if (p.algorithm() == algorithm) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static NotFoundException notFound() {
    return new NotFoundException("Account not found");
  }

  // Admin scope

  /** Throws 403 unless {@code caller} may manage accounts of {@code domain}. */
  public void checkScope(Account caller, String domain) {
    if (!caller.role().isAdmin()) {
      throw new ForbiddenException("This action is unauthorized.");
    }
    if (caller.role() == Role.SUPER_ADMIN || settings.adminsManageMultiDomains()) {
      return;
    }
    if (!caller.domain().equals(domain)) {
      throw new ForbiddenException("This account belongs to another domain.");
    }
  }

  /** The account {@code id} when the caller may manage it: 404 when missing, 403 when out of scope. */
  public Account manageable(Account caller, long id) {
    Account target = getById(id);
    checkScope(caller, target.domain());
    return target;
  }

  /** As {@link #manageable}, for a write: a super_admin is changed only by a super_admin. */
  private Account changeable(Account caller, long id) {
    Account target = manageable(caller, id);
    AccountRules.checkMayChange(caller.role() == Role.SUPER_ADMIN, target.role());
    return target;
  }

  private boolean seesAllDomains(Account caller) {
    return caller.role() == Role.SUPER_ADMIN || settings.adminsManageMultiDomains();
  }

  // Creation

  /**
   * Creates an account from checked input in the caller's transaction: the one place where accounts
   * are born. The SIP address must be free (see {@link SipAddresses}); the email too when accounts.email_unique.
   */
  Account insert(Daos daos, Domain domain, String username, String password, Set<Algorithm> algorithms,
      String displayName, String email, String phone, String dtmf, boolean activated, Role role) {
    return insert(daos, domain, Ids.uuid(), username,
        password == null ? null : Passwords.hash(username, domain.name(), password, algorithms), displayName, email,
        phone, dtmf, activated, role).account();
  }

  /** A new account and the credentials stored with it. */
  private record Born(Account account, List<Password> passwords) {}

  /** As above, with the uuid and the password's hashes made before the transaction (out of SQLite's write lane). */
  private Born insert(Daos daos, Domain domain, String uuid, String username, Passwords.Hashed password,
      String displayName, String email, String phone, String dtmf, boolean activated, Role role) {
    Instant now = clock.instant();
    Validation v = new Validation();
    v.check(!SipAddresses.taken(daos, username, domain.name()), "username", "The username has already been taken.");
    if (email != null && settings.emailUnique()) {
      v.check(daos.accounts().countEmail(email, -1) == 0, "email", "The email has already been taken.");
    }
    v.throwIfAny();
    Account account = daos.fast().insertAccount(uuid, username, domain, displayName, email, phone, activated, role,
        dtmf, now);
    return new Born(account, password == null ? List.of() : Passwords.initial(daos, account, password, now));
  }

  /** Runs a write; a unique-key race (two creations of one username at once) becomes the 422 it would have been. */
  <T> T write(java.util.function.Function<Daos, T> work) {
    try {
      return db.tx(work);
    } catch (DuplicateKeyException e) {
      throw ValidationException.of("username", "The username has already been taken.");
    }
  }

  /** POST /accounts by an admin. */
  public Issued create(Account caller, AccountInput in) {
    Validation v = new Validation();
    AccountRules.Checked checked = AccountRules.adminInput(v, in, true);
    Algorithm algorithm = checked.algorithm();
    String phone = checked.phone();
    Instant keyExpires = AccountRules.datetime(v, "confirmation_key_expires", in.confirmationKeyExpires());
    DictionaryService.check(v, in.dictionary());
    String domainName = in.domain() != null && seesAllDomains(caller) ? in.domain()
        : caller.role() == Role.SUPER_ADMIN ? settings.defaultDomain() : caller.domain();
    v.check(DomainService.isValidName(DomainService.normalize(domainName)), "domain", "The domain must be a valid domain name.");
    v.throwIfAny();
    checkScope(caller, DomainService.normalize(domainName));
    boolean activated = Boolean.TRUE.equals(in.activated());
    Role role = Boolean.TRUE.equals(in.admin()) ? Role.ADMIN : Role.USER;
    String uuid = Ids.uuid();
    Passwords.Hashed hashed = in.password() == null ? null
        : Passwords.hash(in.username(), DomainService.normalize(domainName), in.password(), EnumSet.of(algorithm));
    return write(daos -> {
      Domain domain = domains.ensure(daos, domainName);
      Born born = insert(daos, domain, uuid, in.username(), hashed, in.displayName(), in.email(), phone,
          in.dtmfProtocol(), activated, role);
      Account account = born.account();
      // A new account has no types or actions; its dictionary is read back in the store's order.
      AccountDetails details = in.dictionary() == null || in.dictionary().isEmpty()
          ? new AccountDetails(born.passwords(), Map.of(), List.of(), List.of()) : null;
      if (in.dictionary() != null) {
        Instant now = clock.instant();
        in.dictionary().forEach((key, value) -> daos.dictionary().insert(account.id(), key, value, now));
      }
      if (activated) {
        return new Issued(account, null, null, details);
      }
      String key = Ids.alphanumeric(12);
      daos.accounts().setConfirmationKey(account.id(), Secrets.hash(key), keyExpires, clock.instant());
      String token = newProvisioningToken(daos, account.id());
      return new Issued(daos.accounts().findById(account.id()).orElseThrow(), key, token, details);
    });
  }

  /** PUT /accounts/{id} by an admin: password and algorithm required, other fields replaced when given. */
  public Account update(Account caller, long id, AccountInput in) {
    Account target = changeable(caller, id);
    Validation v = new Validation();
    AccountRules.Checked checked = AccountRules.adminInput(v, in, false);
    Algorithm algorithm = checked.algorithm();
    String phone = checked.phone();
    v.throwIfAny();
    return write(daos -> {
      String username = in.username() != null ? in.username() : target.username();
      Validation unique = new Validation();
      if (!username.equals(target.username())) {
        unique.check(!SipAddresses.takenByOtherThanAccount(daos, username, target.domain(), target.id()), "username",
            "The username has already been taken.");
      }
      String email = in.email() != null ? in.email() : target.email();
      if (email != null && settings.emailUnique()) {
        unique.check(daos.accounts().countEmail(email, target.id()) == 0, "email", "The email has already been taken.");
      }
      unique.throwIfAny();
      Role role = target.role() == Role.SUPER_ADMIN ? Role.SUPER_ADMIN
          : in.admin() == null ? target.role() : in.admin() ? Role.ADMIN : Role.USER;
      Instant now = clock.instant();
      String displayName = in.displayName() != null ? in.displayName() : target.displayName();
      String newPhone = phone != null ? phone : target.phone();
      daos.accounts().updateProfile(target.id(), username, displayName, email, newPhone,
          in.dtmfProtocol() != null ? in.dtmfProtocol() : target.dtmfProtocol(), role.dbValue(), now);
      Account updated = daos.accounts().findById(target.id()).orElseThrow();
      Passwords.set(daos, updated, in.password(), algorithm, now);
      return updated;
    });
  }

  public Page<Account> list(Account caller, int page, int perPage) {
    checkScope(caller, caller.domain());
    long offset = (long) (page - 1) * perPage;
    return db.read(daos -> seesAllDomains(caller)
        ? new Page<>(daos.accounts().list(perPage, offset), daos.accounts().count(), page, perPage)
        : new Page<>(daos.accounts().listInDomain(caller.domainId(), perPage, offset),
            daos.accounts().countInDomain(caller.domainId()), page, perPage));
  }

  public Account searchBySip(Account caller, String sip) {
    Account found = findBySip(sip).orElseThrow(AccountService::notFound);
    checkScope(caller, found.domain());
    return found;
  }

  public Account searchByEmail(Account caller, String email) {
    List<Account> found = db.read(daos -> daos.accounts().findByEmail(email)).stream()
        .filter(a -> seesAllDomains(caller) || a.domain().equals(caller.domain())).toList();
    if (found.isEmpty()) {
      throw notFound();
    }
    return found.get(0);
  }

  public void delete(Account caller, long id) {
    Account target = changeable(caller, id);
    db.tx(daos -> delete(daos, target));
  }

  /** Deletes an account in the caller's transaction; its SIP bindings go once that commits. */
  int delete(Daos daos, Account account) {
    int deleted = daos.accounts().delete(account.id());
    daos.afterCommit(() -> registrations.get().removeAll(account.username(), account.domain()));
    return deleted;
  }

  public Account setActivated(Account caller, long id, boolean activated) {
    Account target = changeable(caller, id);
    return db.tx(daos -> {
      daos.accounts().updateActivated(target.id(), activated, clock.instant());
      return daos.accounts().findById(target.id()).orElseThrow();
    });
  }

  public Account setBlocked(Account caller, long id, boolean blocked) {
    Account target = changeable(caller, id);
    if (target.id() == caller.id() && blocked) {
      throw new ForbiddenException("An admin cannot block itself.");
    }
    return db.tx(daos -> {
      daos.accounts().updateBlocked(target.id(), blocked, clock.instant());
      return daos.accounts().findById(target.id()).orElseThrow();
    });
  }

  /** A fresh provisioning token for the account (the previous one stops working). */
  public Issued provision(long accountId) {
    return db.tx(daos -> {
      String token = newProvisioningToken(daos, accountId);
      return new Issued(daos.accounts().findById(accountId).orElseThrow(AccountService::notFound), null, token, null);
    });
  }

  String newProvisioningToken(Daos daos, long accountId) {
    String token = Ids.alphanumeric(32);
    Instant now = clock.instant();
    daos.accounts().setProvisioningToken(accountId, Secrets.hash(token), now.plus(settings.provisioningTokenTtl()), now);
    return token;
  }

  // Operator bootstrap (CLI)

  /**
   * Creates an admin account, or makes an existing account an admin and sets its password. With no
   * algorithm, both the MD5 and the SHA-256 HA1 are stored.
   */
  public Account createOrPromoteAdmin(String username, String domainName, String password, Algorithm algorithm,
      Role role) {
    checkBootstrap(username, domainName, password);
    Set<Algorithm> algorithms = algorithm == null ? EnumSet.allOf(Algorithm.class) : EnumSet.of(algorithm);
    return write(daos -> {
      Instant now = clock.instant();
      Domain domain = domains.ensure(daos, domainName);
      Optional<Account> existing = daos.accounts().findBySip(username, domain.name());
      if (existing.isEmpty()) {
        return insert(daos, domain, username, password, algorithms, null, null, null, null, true, role);
      }
      Account account = existing.get();
      if (account.role().ordinal() < role.ordinal()) {
        daos.accounts().updateRole(account.id(), role.dbValue(), now);
      }
      daos.accounts().updateActivated(account.id(), true, now);
      Passwords.replace(daos, account, password, algorithms, now);
      return daos.accounts().findById(account.id()).orElseThrow();
    });
  }

  /** Creates an activated user account (CLI). */
  public Account createUser(String username, String domainName, String password, Algorithm algorithm) {
    checkBootstrap(username, domainName, password);
    Set<Algorithm> algorithms = algorithm == null ? EnumSet.allOf(Algorithm.class) : EnumSet.of(algorithm);
    return write(daos -> insert(daos, domains.ensure(daos, domainName), username, password, algorithms,
        null, null, null, null, true, Role.USER));
  }

  private static void checkBootstrap(String username, String domainName, String password) {
    Validation v = new Validation();
    AccountRules.username(v, username, true);
    AccountRules.password(v, password, "password");
    v.check(DomainService.isValidName(DomainService.normalize(domainName)), "domain",
        "The domain must be a valid domain name.");
    v.throwIfAny();
  }
}
