package dev.switchboard.auth;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.core.account.Password;
import dev.switchboard.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * HTTP Digest (RFC 7616, qop=auth) against the stored HA1s. Nonces are signed by a key every
 * instance on the database shares and their uses recorded there, so that every instance accepts the
 * nonces of the others (one write per login, none per challenge), or they are this instance's alone
 * (one server: no write per login); either way each nc of a nonce is accepted once.
 */
public final class DigestAuthenticator {
  /** Outcome of checking an Authorization header. */
  public sealed interface Result {
    /** A right answer; {@code nonce} and {@code nc} are what {@link #consume} uses. */
    record Ok(Account account, DigestNonces.Live nonce, long nc) implements Result {}

    /** The nonce is unknown or expired: challenge again with stale=true; not a failed attempt. */
    record Stale() implements Result {}

    /** Wrong password, unknown account, replayed nc or a malformed header: a failed attempt. */
    record Failed(String reason) implements Result {}
  }

  /** Where the nonces are kept (auth.digest_nonces). */
  public enum NonceStore { DATABASE, MEMORY }

  /** How far behind another instance's clock may be: a used nonce's row outlives its expiry by this. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Database db;
  private final AccountService accounts;
  private final DigestNonces nonces;

  /**
   * {@code sharedNonceKey} gives the HMAC key of database-mode nonces, the same for every instance on
   * the database (unused in memory mode). It is asked by the first challenge or check, and may read the
   * database: inside MemoryOnly work it throws MemoryOnly.Miss, and the work runs again on a worker.
   */
  public DigestAuthenticator(Database db, AccountService accounts, Clock clock, Duration nonceTtl, NonceStore store,
      Supplier<byte[]> sharedNonceKey) {
    this.db = db;
    this.accounts = accounts;
    this.nonces = store == NonceStore.MEMORY ? new LocalNonces(clock, nonceTtl)
        : new StoredNonces(sharedNonceKey, db.nonceUses(), clock, nonceTtl);
  }

  /** A fresh nonce, offered once per algorithm (MD5 then SHA-256). */
  public List<DigestChallenge> challenges(String realm, boolean stale) {
    DigestNonces.Issued issued = nonces.issue();
    return List.of(
        new DigestChallenge(realm, Algorithm.MD5, issued.nonce(), issued.opaque(), stale),
        new DigestChallenge(realm, Algorithm.SHA256, issued.nonce(), issued.opaque(), stale));
  }

  /** Uses the nc of a right answer: false when it was used already (a replay of this exact request). */
  public boolean consume(Result.Ok ok) {
    return ok.nonce().advance(ok.nc());
  }

  /** {@link #consume}, completed once the use is recorded, without waiting for the database. */
  public CompletionStage<Boolean> consumeLater(Result.Ok ok) {
    return ok.nonce().advanceLater(ok.nc());
  }

  /**
   * Checks a Digest Authorization value, changing nothing: a right answer is used by {@link #consume}.
   * {@code username}/{@code domain} name the account (from the `from` header when the face has one,
   * else the header's username and realm).
   */
  public Result check(String authorization, String username, String domain, String method, String requestUri) {
    Optional<Map<String, String>> parsed = DigestHeader.parse(authorization);
    if (parsed.isEmpty()) {
      return new Result.Failed("malformed Digest header");
    }
    Map<String, String> p = parsed.get();
    String nonce = p.get("nonce");
    String response = p.get("response");
    String nc = p.get("nc");
    String cnonce = p.get("cnonce");
    String uri = p.get("uri");
    if (nonce == null || response == null || nc == null || cnonce == null || uri == null
        || !"auth".equals(p.get("qop")) || p.get("username") == null) {
      return new Result.Failed("incomplete Digest header");
    }
    Optional<Algorithm> algorithm = Algorithm.fromWire(p.getOrDefault("algorithm", "MD5"));
    if (algorithm.isEmpty()) {
      return new Result.Failed("unsupported algorithm");
    }
    long count;
    try {
      count = Long.parseLong(nc, 16);
    } catch (NumberFormatException e) {
      return new Result.Failed("malformed nc");
    }
    if (!sameResource(uri, requestUri)) {
      return new Result.Failed("uri does not match the request");
    }
    Optional<DigestNonces.Live> live = nonces.live(nonce);
    if (live.isEmpty()) {
      return new Result.Stale();
    }
    if (!live.get().opaque().equals(p.get("opaque"))) {
      return new Result.Failed("opaque does not match");
    }
    String user = username != null ? username : p.get("username");
    String realm = domain != null ? domain : p.get("realm");
    if (!user.equals(p.get("username"))) {
      return new Result.Failed("username does not match the from header");
    }
    Optional<Account> account = accounts.findBySip(user, realm);
    if (account.isEmpty() || !account.get().realm().equals(p.get("realm"))) {
      return new Result.Failed("unknown account or realm");
    }
    Optional<Password> password = accounts.password(account.get().id(), algorithm.get());
    if (password.isEmpty()) {
      return new Result.Failed("no credentials for that algorithm");
    }
    Algorithm h = algorithm.get();
    String ha2 = h.hex(method + ":" + uri);
    String expected = h.hex(password.get().ha1() + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      return new Result.Failed("wrong response");
    }
    return new Result.Ok(account.get(), live.get(), count);
  }

  /** The uri of the header names the request's resource (path, and query when the header has one). */
  private static boolean sameResource(String headerUri, String requestUri) {
    if (headerUri.equals(requestUri)) {
      return true;
    }
    int q = requestUri.indexOf('?');
    String requestPath = q < 0 ? requestUri : requestUri.substring(0, q);
    return headerUri.equals(requestPath);
  }

  /**
   * Drops the rows of nonces expired for a while ({@link #CLOCK_SKEW}): an instance whose clock is
   * behind still takes such a nonce for live, and its row is what refuses the nc used already.
   */
  public int purgeExpired(Instant now) {
    return db.write(daos -> daos.nonces().deleteExpired(now.minus(CLOCK_SKEW)));
  }
}
