package dev.switchboard.auth;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.SipAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request's credentials into a {@link Principal}: API key (header or cookie), then a Bearer
 * JWT, then Digest. Failures count against the source address; a blocked account gets 403 whatever
 * it proved. Never logs a credential.
 */
public final class Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  private final ApiKeys apiKeys;
  private final JwtAuthenticator jwt;
  private final DigestAuthenticator digest;
  private final LoginLimiter limiter;
  private final String defaultRealm;

  public Authenticator(ApiKeys apiKeys, JwtAuthenticator jwt, DigestAuthenticator digest, LoginLimiter limiter,
      String defaultRealm) {
    this.apiKeys = apiKeys;
    this.jwt = jwt;
    this.digest = digest;
    this.limiter = limiter;
    this.defaultRealm = defaultRealm;
  }

  /**
   * The caller, or empty when the request carries no credentials at all.
   *
   * @throws UnauthorizedException credentials that do not prove an account (with fresh digest
   *     challenges when a digest was tried or a `from` header names an account)
   * @throws ForbiddenException the account is blocked
   * @throws RateLimitedException the source failed too often
   */
  public Optional<Principal> authenticate(Credentials c) {
    if (c.isEmpty()) {
      return Optional.empty();
    }
    limiter.check(c.remoteAddress());
    if (c.apiKey() != null) {
      return Optional.of(accept(apiKeys.authenticate(c.apiKey()), Principal.Method.API_KEY, c, "API key"));
    }
    if (c.bearerToken() != null) {
      Optional<Account> account = jwt == null ? Optional.empty() : jwt.authenticate(c.bearerToken());
      return Optional.of(accept(account, Principal.Method.JWT, c, "JWT"));
    }
    Optional<SipAddress> from = SipAddress.parse(c.from());
    DigestAuthenticator.Result result = checkDigest(c, from);
    if (result instanceof DigestAuthenticator.Result.Ok ok && !digest.consume(ok)) {
      result = new DigestAuthenticator.Result.Failed("nonce count already used");
    }
    String realm = from.map(SipAddress::domain).orElse(defaultRealm);
    return switch (result) {
      case DigestAuthenticator.Result.Ok ok -> Optional.of(accept(Optional.of(ok.account()), Principal.Method.DIGEST, c, "digest"));
      case DigestAuthenticator.Result.Stale stale -> throw new UnauthorizedException("Stale nonce", challenges(realm, true));
      case DigestAuthenticator.Result.Failed failed -> {
        fail(c, "digest: " + failed.reason());
        throw new UnauthorizedException("Unauthenticated.", challenges(realm, false));
      }
    };
  }

  /**
   * A caller proved without changing anything, for a fast route: {@link #complete} then records what
   * the request consumes (the key's use, the digest nc) once its answer is ready, and completes false
   * when the nc was used meanwhile. On PostgreSQL it does not wait for the nonce's write: the stage
   * completes when the write committed, on the thread that committed it (on SQLite it writes now).
   */
  public record Proof(Principal principal, Supplier<CompletionStage<Boolean>> complete) {}

  private static final CompletionStage<Boolean> RECORDED = CompletableFuture.completedFuture(true);

  /**
   * The caller of a request proved by an API key or a Digest answer, of an account that is not
   * blocked, from a source that is not rate limited; otherwise empty, with nothing recorded: such a
   * request then goes through {@link #authenticate}, which counts and answers the failure.
   */
  public Optional<Proof> prove(Credentials c) {
    if (c.isEmpty()) {
      return Optional.empty();
    }
    try {
      limiter.check(c.remoteAddress());
    } catch (RateLimitedException e) {
      return Optional.empty();
    }
    if (c.apiKey() != null) {
      return apiKeys.find(c.apiKey()).filter(k -> !k.account().blocked()).map(k -> new Proof(
          new Principal(k.account(), Principal.Method.API_KEY), () -> {
            apiKeys.recordUse(k.keyId());
            return RECORDED;
          }));
    }
    if (c.bearerToken() != null) {
      return Optional.empty();
    }
    if (checkDigest(c, SipAddress.parse(c.from())) instanceof DigestAuthenticator.Result.Ok ok
        && !ok.account().blocked()) {
      return Optional.of(
          new Proof(new Principal(ok.account(), Principal.Method.DIGEST), () -> digest.consumeLater(ok)));
    }
    return Optional.empty();
  }

  /** The request's digest answer, for the account its `from` names when it has one. */
  private DigestAuthenticator.Result checkDigest(Credentials c, Optional<SipAddress> from) {
    return digest.check(c.digestAuthorization(), from.map(SipAddress::user).orElse(null),
        from.map(SipAddress::domain).orElse(null), c.method(), c.uri());
  }

  /** Fresh challenges for an unauthenticated request that names its account with `from`. */
  public List<DigestChallenge> challengesFor(String from) {
    return SipAddress.parse(from).map(a -> challenges(a.domain(), false)).orElse(List.of());
  }

  private List<DigestChallenge> challenges(String realm, boolean stale) {
    return digest.challenges(realm, stale);
  }

  private Principal accept(Optional<Account> account, Principal.Method method, Credentials c, String kind) {
    if (account.isEmpty()) {
      fail(c, kind + " rejected");
      throw new UnauthorizedException("Unauthenticated.");
    }
    if (account.get().blocked()) {
      throw new ForbiddenException("This account is blocked.");
    }
    return new Principal(account.get(), method);
  }

  private void fail(Credentials c, String what) {
    limiter.recordFailure(c.remoteAddress());
    LOG.info("authentication failed from {}: {}", c.remoteAddress(), what);
  }
}
