package dev.switchboard.core.account;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Secrets;
import dev.switchboard.core.Validation;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.core.notification.Outbox;
import dev.switchboard.store.CodeDao;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.TokenDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people do to their own account — sign up with a token, activate, recover, change their
 * password, email or phone — and the public lookups. Codes go out through the outbox, committed with
 * the change that needs them.
 */
public final class SelfService {
  private static final int CODE_DIGITS = 6;
  private static final int MAX_CODE_ATTEMPTS = 5;

  private final Database db;
  private final AccountService accounts;
  private final DomainService domains;
  private final Outbox outbox;
  private final Clock clock;
  private final Duration codeTtl;

  public SelfService(Database db, AccountService accounts, DomainService domains, Outbox outbox, Clock clock,
      Duration codeTtl) {
    this.db = db;
    this.accounts = accounts;
    this.domains = domains;
    this.outbox = outbox;
    this.clock = clock;
    this.codeTtl = codeTtl;
  }

  // Sign-up

  /** POST /accounts/with-account-creation-token: an activated account, the token consumed with it. */
  public Account createWithCreationToken(AccountInput in, String token) {
    Validation v = new Validation();
    AccountRules.username(v, in.username(), true);
    AccountRules.password(v, in.password(), "password");
    Algorithm algorithm = AccountRules.algorithm(v, in.algorithm());
    AccountRules.dtmfProtocol(v, in.dtmfProtocol());
    v.check(token != null && !token.isBlank(), "account_creation_token", "The account creation token field is required.");
    v.throwIfAny();
    return accounts.write(daos -> {
      useCreationToken(daos, token);
      Domain domain = domains.ensure(daos, accounts.settings().defaultDomain());
      Account account = accounts.insert(daos, domain, in.username(), in.password(), EnumSet.of(algorithm), null, null,
          null, in.dtmfProtocol(), true, Role.USER);
      daos.tokens().findCreationToken(Secrets.hash(token))
          .ifPresent(t -> daos.tokens().useCreationToken(t.id(), account.id(), clock.instant()));
      return account;
    });
  }

  /** Checks a creation token is live inside the transaction; 422 on account_creation_token otherwise. */
  private void useCreationToken(Daos daos, String token) {
    Optional<TokenDao.CreationToken> row = daos.tokens().findCreationToken(Secrets.hash(token));
    Instant now = clock.instant();
    if (row.isEmpty() || row.get().usedAt() != null || !row.get().expiresAt().isAfter(now)) {
      throw ValidationException.of("account_creation_token", "The account creation token is invalid or expired.");
    }
  }

  /**
   * POST /accounts/public (deprecated, only with app.dangerous_endpoints): a deactivated account
   * whose confirmation key goes by mail when an email is given, else by SMS. Without a username the
   * phone number (E.164) is the username.
   */
  public Account createPublic(AccountInput in, String token) {
    Validation v = new Validation();
    boolean hasUsername = in.username() != null && !in.username().isEmpty();
    if (!hasUsername && (in.phone() == null || in.phone().isEmpty())) {
      v.add("username", "The username field is required when phone is not present.");
      v.add("phone", "The phone field is required when username is not present.");
    }
    if (hasUsername) {
      AccountRules.username(v, in.username(), true);
    }
    AccountRules.password(v, in.password(), "password");
    Algorithm algorithm = AccountRules.algorithm(v, in.algorithm());
    AccountRules.email(v, in.email());
    String phone = AccountRules.phone(v, in.phone());
    v.check(in.domain() == null || DomainService.isValidName(DomainService.normalize(in.domain())), "domain",
        "The domain must be a valid domain name.");
    v.throwIfAny();
    String username = hasUsername ? in.username() : phone;
    return accounts.write(daos -> {
      if (token != null && !token.isBlank()) {
        useCreationToken(daos, token);
      }
      Domain domain = domains.ensure(daos, in.domain() != null ? in.domain() : accounts.settings().defaultDomain());
      Account account = accounts.insert(daos, domain, username, in.password(), EnumSet.of(algorithm),
          in.displayName(), in.email(), phone, null, false, Role.USER);
      if (token != null && !token.isBlank()) {
        daos.tokens().findCreationToken(Secrets.hash(token))
            .ifPresent(t -> daos.tokens().useCreationToken(t.id(), account.id(), clock.instant()));
      }
      String key = Ids.digits(CODE_DIGITS);
      daos.accounts().setConfirmationKey(account.id(), Secrets.hash(key), null, clock.instant());
      Map<String, String> model = Map.of("code", key, "sip", account.sipUri(), "username", account.username());
      if (account.email() != null) {
        outbox.enqueue(daos, Outbox.Channel.MAIL, account.email(), "activation", model);
      } else {
        outbox.enqueue(daos, Outbox.Channel.SMS, phone, "activation", model);
      }
      return account;
    });
  }

  // Activation and recovery (public)

  public Account info(String sip) {
    return accounts.findBySip(sip).orElseThrow(AccountService::notFound);
  }

  public Account infoByPhone(String phone) {
    return accounts.findByUniquePhone(phone).orElseThrow(AccountService::notFound);
  }

  /** Activates with the confirmation key; 404 for an unknown account or a wrong key, 403 once the key expired. */
  public Account activate(String sip, String key) {
    Account account = findBySipOrPhone(sip);
    if (account.confirmationKeyHash() == null || key == null
        || !Secrets.equal(account.confirmationKeyHash(), Secrets.hash(key))) {
      throw new NotFoundException("Account not found or wrong confirmation key");
    }
    if (account.confirmationKeyExpiresAt() != null && !account.confirmationKeyExpiresAt().isAfter(clock.instant())) {
      throw new ForbiddenException("The confirmation key has expired.");
    }
    return db.tx(daos -> {
      if (daos.accounts().activateWithKey(account.id(), Secrets.hash(key), clock.instant()) == 0) {
        throw new NotFoundException("Account not found or wrong confirmation key");
      }
      return daos.accounts().findById(account.id()).orElseThrow();
    });
  }

  /** POST /accounts/recover-by-phone: an SMS with a recovery code to the account of that phone. */
  public void recoverByPhone(String phone, String token) {
    Validation v = new Validation();
    v.check(phone != null && !phone.isEmpty(), "phone", "The phone field is required.");
    v.throwIfAny();
    Account account = accounts.findByUniquePhone(phone).orElseThrow(AccountService::notFound);
    db.tx(daos -> {
      if (token != null && !token.isBlank()) {
        useCreationToken(daos, token);
        daos.tokens().findCreationToken(Secrets.hash(token))
            .ifPresent(t -> daos.tokens().useCreationToken(t.id(), account.id(), clock.instant()));
      }
      String code = newCode(daos, account.id(), "recovery", null);
      outbox.enqueue(daos, Outbox.Channel.SMS, account.phone(), "recovery",
          Map.of("code", code, "sip", account.sipUri(), "username", account.username()));
      return null;
    });
  }

  /** GET /accounts/{sip}/recover/{key}: activates the account (the face then shows its stored HA1s). */
  public Account recover(String sip, String key) {
    Account account = findBySipOrPhone(sip);
    java.util.function.Supplier<RuntimeException> invalid =
        () -> new NotFoundException("Account not found or wrong recovery key");
    CodeDao.Code code = verifyCode(account.id(), "recovery", key, invalid);
    db.tx(daos -> {
      consume(daos, code, invalid);
      daos.accounts().updateActivated(account.id(), true, clock.instant());
      return null;
    });
    return accounts.getById(account.id());
  }

  private Account findBySipOrPhone(String sip) {
    return accounts.findBySip(sip)
        .or(() -> accounts.findByUniquePhone(SipAddress.parse(sip).map(SipAddress::user).orElse(sip)))
        .orElseThrow(AccountService::notFound);
  }

  // The account itself (User)

  public void delete(Account me) {
    db.tx(daos -> accounts.delete(daos, me));
  }

  /** POST /accounts/me/password: old_password required (and checked) when a password exists. */
  public Account changePassword(Account me, String algorithmName, String oldPassword, String password) {
    Validation v = new Validation();
    Algorithm algorithm = AccountRules.algorithm(v, algorithmName);
    AccountRules.password(v, password, "password");
    List<Password> stored = accounts.passwords(me.id());
    if (!stored.isEmpty()) {
      if (oldPassword == null || oldPassword.isEmpty()) {
        v.add("old_password", "The old password field is required.");
      } else if (stored.stream().noneMatch(p -> Passwords.matches(me, p, oldPassword))) {
        v.add("old_password", "The old password is incorrect.");
      }
    }
    v.throwIfAny();
    return db.tx(daos -> {
      Passwords.set(daos, me, password, algorithm, clock.instant());
      return daos.accounts().findById(me.id()).orElseThrow();
    });
  }

  /** POST /accounts/me/email/request: a code mailed to the new address; the change waits for it. */
  public void requestEmailChange(Account me, String email) {
    Validation v = new Validation();
    v.check(email != null && !email.isEmpty(), "email", "The email field is required.");
    AccountRules.email(v, email);
    v.throwIfAny();
    db.tx(daos -> {
      if (accounts.settings().emailUnique() && daos.accounts().countEmail(email, me.id()) > 0) {
        throw ValidationException.of("email", "The email has already been taken.");
      }
      String code = newCode(daos, me.id(), "email_change", email);
      outbox.enqueue(daos, Outbox.Channel.MAIL, email, "email_change",
          Map.of("code", code, "sip", me.sipUri(), "username", me.username(), "email", email));
      return null;
    });
  }

  /** POST /accounts/me/email: the mailed code applies the change. */
  public Account confirmEmailChange(Account me, String code) {
    java.util.function.Supplier<RuntimeException> invalid =
        () -> ValidationException.of("code", "The code is invalid or expired.");
    CodeDao.Code used = verifyCode(me.id(), "email_change", code, invalid);
    return db.tx(daos -> {
      consume(daos, used, invalid);
      if (accounts.settings().emailUnique() && daos.accounts().countEmail(used.value(), me.id()) > 0) {
        throw ValidationException.of("email", "The email has already been taken.");
      }
      daos.accounts().updateEmail(me.id(), used.value(), clock.instant());
      return daos.accounts().findById(me.id()).orElseThrow();
    });
  }

  /** POST /accounts/me/phone/request: an SMS code to the new number. */
  public void requestPhoneChange(Account me, String phone) {
    Validation v = new Validation();
    v.check(phone != null && !phone.isEmpty(), "phone", "The phone field is required.");
    String e164 = AccountRules.phone(v, phone);
    v.throwIfAny();
    db.tx(daos -> {
      String code = newCode(daos, me.id(), "phone_change", e164);
      outbox.enqueue(daos, Outbox.Channel.SMS, e164, "phone_change",
          Map.of("code", code, "sip", me.sipUri(), "username", me.username(), "phone", e164));
      return null;
    });
  }

  /** POST /accounts/me/phone: the SMS code changes the phone and activates the account. */
  public Account confirmPhoneChange(Account me, String code) {
    java.util.function.Supplier<RuntimeException> invalid =
        () -> ValidationException.of("code", "The code is invalid or expired.");
    CodeDao.Code used = verifyCode(me.id(), "phone_change", code, invalid);
    return db.tx(daos -> {
      consume(daos, used, invalid);
      daos.accounts().updatePhoneAndActivate(me.id(), used.value(), clock.instant());
      return daos.accounts().findById(me.id()).orElseThrow();
    });
  }

  // Codes

  private String newCode(Daos daos, long accountId, String purpose, String value) {
    Instant now = clock.instant();
    daos.codes().retire(accountId, purpose, now);
    String code = Ids.digits(CODE_DIGITS);
    daos.codes().insert(accountId, purpose, value, Secrets.hash(code), now.plus(codeTtl), now);
    return code;
  }

  /**
   * The live code of that purpose when {@code code} matches it. Checked outside any transaction, so
   * that a wrong try is counted for good; a code dies after 5 wrong tries.
   */
  private CodeDao.Code verifyCode(long accountId, String purpose, String code,
      java.util.function.Supplier<RuntimeException> invalid) {
    CodeDao.Code live = db.read(d -> d.codes().live(accountId, purpose, clock.instant())).orElseThrow(invalid);
    if (code == null || live.attempts() >= MAX_CODE_ATTEMPTS || !Secrets.equal(live.codeHash(), Secrets.hash(code))) {
      db.read(d -> d.codes().countAttempt(live.id()));
      throw invalid.get();
    }
    return live;
  }

  /** Consumes a verified code in the caller's transaction; a concurrent use of the same code loses. */
  private void consume(Daos daos, CodeDao.Code code, java.util.function.Supplier<RuntimeException> invalid) {
    if (daos.codes().use(code.id(), clock.instant()) == 0) {
      throw invalid.get();
    }
  }
}
