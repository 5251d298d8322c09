package dev.switchboard.auth;

import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.SecretBox;
import dev.switchboard.core.Secrets;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.KazooUsers;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.Tenant;
import dev.switchboard.core.domain.Tenants;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kazoo logins: user_auth (Kazoo's MD5/SHA-1 login digests, found in an account named by its phone
 * number, realm or name) and api_auth (an account's 64-hex API key), each giving a token. Failed
 * attempts count against the same per-source limiter as the other faces' logins.
 */
public final class KazooAuth {
  /** A successful login: the token, the account (tenant) and the user (null for an API key). */
  public record Login(String token, Tenant tenant, Account user) {}

  private final Database db;
  private final Tenants tenants;
  private final KazooUsers users;
  private final AccountService accounts;
  private final KazooTokens tokens;
  private final LoginLimiter limiter;
  private final SecretBox box;
  private final Clock clock;

  public KazooAuth(Database db, Tenants tenants, KazooUsers users, AccountService accounts, KazooTokens tokens,
      LoginLimiter limiter, SecretBox box, Clock clock) {
    this.db = db;
    this.tenants = tenants;
    this.users = users;
    this.accounts = accounts;
    this.tokens = tokens;
    this.limiter = limiter;
    this.box = box;
    this.clock = clock;
  }

  public KazooTokens tokens() {
    return tokens;
  }

  /** PUT /v2/user_auth; throws {@link UnauthorizedException} for any failure, as Kazoo does (401). */
  public Login userAuth(String credentials, boolean sha, String accountName, String accountRealm, String phoneNumber,
      String source) {
    limiter.check(source);
    for (Tenant tenant : candidates(accountName, accountRealm, phoneNumber)) {
      List<Account> found = users.byDigest(tenant.domain().id(), credentials, sha).stream()
          .filter(a -> a.activated() && !a.blocked()).toList();
      if (found.size() == 1) {
        Account user = found.get(0);
        return new Login(tokens.issue(tenant.domain().uuid(), user.uuid(), "cb_user_auth"), tenant, user);
      }
    }
    limiter.recordFailure(source);
    throw new UnauthorizedException("invalid credentials");
  }

  private List<Tenant> candidates(String accountName, String accountRealm, String phoneNumber) {
    List<Tenant> out = new ArrayList<>();
    if (phoneNumber != null) {
      accounts.findByUniquePhone(phoneNumber).flatMap(a -> tenants.find(domainUuid(a))).ifPresent(out::add);
    }
    if (accountRealm != null) {
      tenants.byRealm(accountRealm).ifPresent(out::add);
    }
    if (accountName != null) {
      out.addAll(tenants.byName(accountName));
    }
    return out;
  }

  private String domainUuid(Account a) {
    return db.read(d -> d.kazoo().domainById(a.domainId())).map(Domain::uuid).orElse("");
  }

  /** PUT /v2/api_auth: an unknown key is a 404 (Kazoo's answer), and counts as a failed login. */
  public Login apiAuth(String apiKey, String source) {
    limiter.check(source);
    String hash = Secrets.hash(apiKey);
    Optional<Tenant> tenant = db.read(d -> d.kazoo().domainOfApiKey(hash))
        .flatMap(id -> db.read(d -> d.kazoo().domainById(id))).map(tenants::of);
    if (tenant.isEmpty()) {
      limiter.recordFailure(source);
      throw new NotFoundException(apiKey);
    }
    return new Login(tokens.issueForKey(tenant.get().domain().uuid(), hash), tenant.get(), null);
  }

  /** The account's API key, made on first read. */
  public String apiKey(Domain domain) {
    return db.tx(d -> d.kazoo().sealedApiKey(domain.id()).map(box::open).orElseGet(() -> store(d, domain)));
  }

  /** A new API key for the account; the previous one, and every token it gave, stop working. */
  public String regenerateApiKey(Domain domain) {
    return db.tx(d -> store(d, domain));
  }

  private String store(dev.switchboard.store.Daos d, Domain domain) {
    String key = Ids.hex(32);
    d.kazoo().deleteApiKey(domain.id());
    d.kazoo().insertApiKey(domain.id(), Secrets.hash(key), box.seal(key), clock.instant());
    return key;
  }
}
