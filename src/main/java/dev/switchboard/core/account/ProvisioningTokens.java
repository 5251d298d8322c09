package dev.switchboard.core.account;

import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Secrets;
import dev.switchboard.core.Validation;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What provisioning does to accounts: a provisioning token is consumed on use and activates the
 * account; `reset_password` gives it a new random password (its HA1s stored, the cleartext handed
 * back once); an external account can be linked to be provisioned beside it.
 */
public final class ProvisioningTokens {
  private static final int GENERATED_PASSWORD_LENGTH = 16;

  /** A provisioned account, with the cleartext password when one was just generated. */
  public record Provisioned(Account account, String newPassword) {}

  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public ProvisioningTokens(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Consumes the token (404 when unknown, expired or already used), activates, optionally resets the password. */
  public Provisioned consume(String token, boolean resetPassword) {
    String hash = Secrets.hash(token == null ? "" : token);
    Account account = db.read(d -> d.accounts().findByProvisioningToken(hash))
        .filter(a -> a.provisioningTokenExpiresAt() == null || a.provisioningTokenExpiresAt().isAfter(clock.instant()))
        .orElseThrow(() -> new NotFoundException("Invalid provisioning token"));
    return db.tx(daos -> {
      Instant now = clock.instant();
      if (daos.accounts().consumeProvisioningToken(account.id(), hash, now) == 0) {
        throw new NotFoundException("Invalid provisioning token");
      }
      String password = resetPassword ? resetPassword(daos, account, now) : null;
      return new Provisioned(daos.accounts().findById(account.id()).orElseThrow(), password);
    });
  }

  /** A new password for an account provisioned through an authenticated request (me, auth token). */
  public Provisioned withOptionalReset(long accountId, boolean resetPassword) {
    if (!resetPassword) {
      // A read: no write transaction (on SQLite, one at a time) for every provisioning request.
      return new Provisioned(accounts.getById(accountId), null);
    }
    return db.tx(daos -> {
      Account account = daos.accounts().findById(accountId).orElseThrow(AccountService::notFound);
      String password = resetPassword ? resetPassword(daos, account, clock.instant()) : null;
      return new Provisioned(account, password);
    });
  }

  private static String resetPassword(dev.switchboard.store.Daos daos, Account account, Instant now) {
    // Keep the algorithms the account already uses; an account without any gets both.
    Set<Algorithm> algorithms = daos.passwords().list(account.id()).stream().map(Password::algorithm)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Algorithm.class)));
    if (algorithms.isEmpty()) {
      algorithms = EnumSet.allOf(Algorithm.class);
    }
    String password = Ids.alphanumeric(GENERATED_PASSWORD_LENGTH);
    Passwords.replace(daos, account, password, algorithms, now);
    return password;
  }

  public Optional<ExternalAccount> external(long accountId) {
    return db.fast().externalAccount(accountId);
  }

  /** Links (or replaces) the external account of an account; its password is kept only as an HA1. */
  public ExternalAccount linkExternal(long accountId, String username, String domain, String realm, String password,
      String algorithmName, String registrar, String outboundProxy, String protocol) {
    Validation v = new Validation();
    v.check(username != null && !username.isBlank(), "username", "The username field is required.");
    v.check(domain != null && !domain.isBlank(), "domain", "The domain field is required.");
    AccountRules.password(v, password, "password");
    Algorithm algorithm = AccountRules.algorithm(v, algorithmName == null ? "MD5" : algorithmName);
    String transport = protocol == null ? "UDP" : protocol.toUpperCase(java.util.Locale.ROOT);
    v.check(List.of("UDP", "TCP", "TLS").contains(transport), "protocol", "The selected protocol is invalid.");
    v.throwIfAny();
    String effectiveRealm = realm == null || realm.isBlank() ? domain : realm;
    ExternalAccount external = new ExternalAccount(accountId, username, domain, realm, algorithm,
        algorithm.ha1(username, effectiveRealm, password), registrar, outboundProxy, transport);
    db.tx(daos -> {
      daos.accounts().findById(accountId).orElseThrow(AccountService::notFound);
      daos.externalAccounts().delete(accountId);
      daos.externalAccounts().insert(accountId, username, domain, realm, algorithm.wireName(), external.ha1(),
          registrar, outboundProxy, transport, clock.instant());
      return null;
    });
    return external;
  }
}
