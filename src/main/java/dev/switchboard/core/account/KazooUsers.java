package dev.switchboard.core.account;

import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.core.Violation;
import dev.switchboard.core.ViolationsException;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts as Kazoo users. A Kazoo username is a login, lower-cased and unique in the domain.
 * When it is also a valid, free SIP username it is the account's SIP username; otherwise (an
 * email, a short name) the account gets a generated SIP username user_&lt;16 hex&gt; and keeps the
 * login beside it, so nothing is lost and the login digests use the login. A SIP username never
 * changes through this face: renaming a user changes its login only.
 */
public final class KazooUsers {
  /** A user as written: null fields are absent. */
  public record Input(String login, String password, String displayName, String email, boolean admin,
      boolean enabled, String document) {}

  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public KazooUsers(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  public List<KazooUser> inDomain(long domainId) {
    return db.read(d -> d.kazoo().accountsOf(domainId).stream().map(a -> user(d, a)).toList());
  }

  public Optional<KazooUser> find(String uuid) {
    return db.read(d -> d.kazoo().accountByUuid(uuid).map(a -> user(d, a)));
  }

  public KazooUser get(long domainId, String uuid) {
    return find(uuid).filter(u -> u.account().domainId() == domainId).orElseThrow(() -> new NotFoundException(uuid));
  }

  public KazooUser of(Account account) {
    return db.read(d -> user(d, account));
  }

  private static KazooUser user(Daos d, Account a) {
    return d.kazoo().user(a.id())
        .map(r -> new KazooUser(a, r.login() != null ? r.login() : a.username(), r.document(), r.revision()))
        .orElseGet(() -> new KazooUser(a, a.username(), "{}", 1));
  }

  /** The accounts of the domain whose login digest is {@code digest} (MD5, or SHA-1 when {@code sha}). */
  public List<Account> byDigest(long domainId, String digest, boolean sha) {
    String hex = digest.toLowerCase(Locale.ROOT);
    return db.read(d -> sha ? d.kazoo().bySha1(domainId, hex) : d.kazoo().byMd5(domainId, hex));
  }

  /** {@code bySuperAdmin}: whether the caller is a super_admin (see AccountRules). */
  public KazooUser create(Domain domain, Input in, List<Violation> found, boolean bySuperAdmin) {
    if (in.admin()) {
      AccountRules.checkMayGrantAdmin(bySuperAdmin, accounts.settings().adminsManageMultiDomains());
    }
    return write(in, () -> db.tx(d -> {
      List<Violation> all = new ArrayList<>(found);
      String login = in.login() == null ? null : in.login().toLowerCase(Locale.ROOT);
      if (login != null && !d.kazoo().byLogin(domain.id(), login).isEmpty()) {
        all.add(Violation.of("username", "unique", "Username must be unique within account", login));
      }
      if (login != null && in.password() == null) {
        all.add(passwordRequired());
      }
      if (!all.isEmpty()) {
        throw new ViolationsException(all);
      }
      String sipUsername = login != null && validSipUsername(login) && free(d, domain, login) ? login
          : "user_" + Ids.hex(8);
      if (login == null && in.password() != null) {
        login = sipUsername;
      }
      Account account = accounts.insert(d, domain, sipUsername, null, EnumSet.allOf(Algorithm.class),
          in.displayName(), in.email(), null, null, in.enabled(), in.admin() ? Role.ADMIN : Role.USER);
      Instant now = clock.instant();
      d.kazoo().insertUser(account.id(), login == null || login.equals(sipUsername) ? null : login, in.document(), 1,
          now);
      if (in.password() != null) {
        Passwords.replace(d, account, in.password(), EnumSet.allOf(Algorithm.class), now);
      }
      return user(d, d.accounts().findById(account.id()).orElseThrow());
    }));
  }

  /** Replaces a user's profile; a new password (or login) rewrites every credential. */
  public KazooUser update(KazooUser current, Input in, List<Violation> found, boolean bySuperAdmin) {
    Account target = current.account();
    AccountRules.checkMayChange(bySuperAdmin, target.role());
    if (in.admin() && !target.role().isAdmin()) {
      AccountRules.checkMayGrantAdmin(bySuperAdmin, accounts.settings().adminsManageMultiDomains());
    }
    return write(in, () -> db.tx(d -> {
      List<Violation> all = new ArrayList<>(found);
      String login = in.login() == null ? current.login() : in.login().toLowerCase(Locale.ROOT);
      boolean loginChanged = !login.equalsIgnoreCase(current.login());
      if (loginChanged && d.kazoo().byLogin(target.domainId(), login).stream().anyMatch(id -> id != target.id())) {
        all.add(Violation.of("username", "unique", "Username must be unique within account", login));
      }
      if (loginChanged && in.password() == null) {
        all.add(passwordRequired());
      }
      if (in.email() != null && accounts.settings().emailUnique() && d.accounts().countEmail(in.email(), target.id()) > 0) {
        all.add(Violation.of("email", "unique", "The email has already been taken.", in.email()));
      }
      if (!all.isEmpty()) {
        throw new ViolationsException(all);
      }
      Instant now = clock.instant();
      Role role = target.role() == Role.SUPER_ADMIN ? Role.SUPER_ADMIN : in.admin() ? Role.ADMIN : Role.USER;
      d.accounts().updateProfile(target.id(), target.username(), in.displayName(), in.email(), target.phone(),
          target.dtmfProtocol(), role.dbValue(), now);
      if (in.enabled() != (target.activated() && !target.blocked())) {
        d.accounts().updateActivated(target.id(), in.enabled() || target.activated(), now);
        d.accounts().updateBlocked(target.id(), !in.enabled(), now);
      }
      d.kazoo().deleteUser(target.id());
      d.kazoo().insertUser(target.id(), login.equals(target.username()) ? null : login, in.document(),
          current.revision() + 1, now);
      Account updated = d.accounts().findById(target.id()).orElseThrow();
      if (in.password() != null) {
        Passwords.replace(d, updated, in.password(), EnumSet.allOf(Algorithm.class), now);
      }
      return user(d, updated);
    }));
  }

  public void delete(KazooUser user, boolean bySuperAdmin) {
    AccountRules.checkMayChange(bySuperAdmin, user.account().role());
    db.tx(d -> accounts.delete(d, user.account()));
  }

  private static Violation passwordRequired() {
    return Violation.of("password", "required",
        "The password must be provided when creating / updating the user name", null);
  }

  private static boolean validSipUsername(String login) {
    Validation v = new Validation();
    AccountRules.username(v, login, true);
    try {
      v.throwIfAny();
      return true;
    } catch (dev.switchboard.core.ValidationException e) {
      return false;
    }
  }

  private static boolean free(Daos d, Domain domain, String username) {
    return !SipAddresses.taken(d, username, domain.name());
  }

  private static <T> T write(Input in, java.util.function.Supplier<T> work) {
    return ViolationsException.unlessTaken(work,
        () -> List.of(Violation.of("username", "unique", "Username must be unique within account", in.login())));
  }
}
