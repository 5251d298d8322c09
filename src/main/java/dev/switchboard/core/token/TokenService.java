package dev.switchboard.core.token;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Secrets;
import dev.switchboard.core.Validation;
import dev.switchboard.core.notification.PushSender;
import dev.switchboard.store.Database;
import dev.switchboard.store.TokenDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one-time tokens of FlexiAPI's account flows. Each is random, stored as its SHA-256, has an
 * expiry, and is consumed by a conditional update, so that it works once even under concurrency.
 */
public final class TokenService {
  private static final int TOKEN_LENGTH = 32;

  /** A token shown to its requester, with its expiry. */
  public record Issued(String token, Instant expiresAt) {}

  /** Lifetimes and limits. */
  public record Settings(Duration creationTokenTtl, Duration requestTokenTtl, Duration authTokenTtl,
      int maxTokensPerDevice) {}

  /** 503: the push provider did not take the notification. */
  public static final class PushUnavailableException extends RuntimeException {
    public PushUnavailableException(String message) {
      super(message, null, false, false);
    }
  }

  private final Database db;
  private final Clock clock;
  private final Settings settings;
  private final PushSender push;

  public TokenService(Database db, Clock clock, Settings settings, PushSender push) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.push = push;
  }

  // Account creation request tokens: created publicly, validated by a human, then exchanged.

  public Issued createRequestToken() {
    String token = Ids.alphanumeric(TOKEN_LENGTH);
    Instant now = clock.instant();
    Instant expires = now.plus(settings.requestTokenTtl());
    db.tx(d -> d.tokens().insertRequestToken(Secrets.hash(token), expires, now));
    return new Issued(token, expires);
  }

  /** State of a request token for its validation page: empty when unknown. */
  public Optional<TokenDao.RequestToken> requestToken(String token) {
    return token == null ? Optional.empty() : db.read(d -> d.tokens().findRequestToken(Secrets.hash(token)));
  }

  /** Marks a request token validated (the human step); false when unknown, expired, used or already validated. */
  public boolean validateRequestToken(String token) {
    return requestToken(token).map(t -> db.tx(d -> d.tokens().validateRequestToken(t.id(), clock.instant())) == 1)
        .orElse(false);
  }

  /** Exchanges a validated request token for an account creation token; 404 otherwise. */
  public Issued creationTokenFromRequestToken(String requestToken) {
    Validation v = new Validation();
    v.check(requestToken != null && !requestToken.isBlank(), "account_creation_request_token",
        "The account creation request token field is required.");
    v.throwIfAny();
    TokenDao.RequestToken row = requestToken(requestToken)
        .orElseThrow(() -> new NotFoundException("Invalid account creation request token"));
    return db.tx(d -> {
      if (d.tokens().useRequestToken(row.id(), clock.instant()) == 0) {
        throw new NotFoundException("Invalid account creation request token");
      }
      return newCreationToken(d, null);
    });
  }

  /** An account creation token for an admin. */
  public Issued createCreationToken() {
    return db.tx(d -> newCreationToken(d, null));
  }

  /**
   * Creates an account creation token and pushes it to the device. 403 when the device already has a
   * live token or has received its maximum; 503 when the push failed (the token is then withdrawn).
   */
  public void sendCreationTokenByPush(PushSender.Target target) {
    Validation v = new Validation();
    v.check(target.provider() != null && !target.provider().isBlank(), "pn_provider", "The pn provider field is required.");
    v.check(target.param() != null && !target.param().isBlank(), "pn_param", "The pn param field is required.");
    v.check(target.prid() != null && !target.prid().isBlank(), "pn_prid", "The pn prid field is required.");
    if (target.provider() != null && !target.provider().isBlank()) {
      v.check(target.provider().matches("fcm|apns|apns\\.dev"), "pn_provider", "The selected pn provider is invalid.");
    }
    v.throwIfAny();
    Instant now = clock.instant();
    record Created(long id, String token) {}
    Created created = db.tx(d -> {
      if (d.tokens().countLiveCreationTokensForDevice(target.prid(), now) > 0) {
        throw new ForbiddenException("A token was already sent to this device.");
      }
      if (d.tokens().countCreationTokensForDevice(target.prid()) >= settings.maxTokensPerDevice()) {
        throw new ForbiddenException("The token limit is reached for this device.");
      }
      String token = Ids.alphanumeric(TOKEN_LENGTH);
      long id = d.tokens().insertCreationToken(Secrets.hash(token), target.provider(), target.param(), target.prid(),
          now.plus(settings.creationTokenTtl()), now);
      return new Created(id, token);
    });
    try {
      push.send(target, Map.of("token", created.token()));
    } catch (PushSender.PushFailedException e) {
      db.tx(d -> d.tokens().deleteCreationToken(created.id()));
      throw new PushUnavailableException("The push notification could not be sent: " + e.getMessage());
    }
  }

  private Issued newCreationToken(dev.switchboard.store.Daos d, PushSender.Target target) {
    String token = Ids.alphanumeric(TOKEN_LENGTH);
    Instant now = clock.instant();
    Instant expires = now.plus(settings.creationTokenTtl());
    d.tokens().insertCreationToken(Secrets.hash(token), null, null, null, expires, now);
    return new Issued(token, expires);
  }

  // Auth tokens: created publicly, attached by an authenticated account, exchanged once for an API key.

  public Issued createAuthToken() {
    String token = Ids.alphanumeric(TOKEN_LENGTH);
    Instant now = clock.instant();
    Instant expires = now.plus(settings.authTokenTtl());
    db.tx(d -> d.tokens().insertAuthToken(Secrets.hash(token), expires, now));
    return new Issued(token, expires);
  }

  /** Attaches an auth token to an account; 404 when unknown, expired, used or already attached. */
  public void attachAuthToken(String token, long accountId) {
    TokenDao.AuthToken row = db.read(d -> d.tokens().findAuthToken(Secrets.hash(token)))
        .orElseThrow(() -> new NotFoundException("Invalid auth token"));
    if (db.tx(d -> d.tokens().attachAuthToken(row.id(), accountId, clock.instant())) == 0) {
      throw new NotFoundException("Invalid auth token");
    }
  }

  /** Consumes an attached auth token and returns its account; 404 when invalid or not attached. */
  public long consumeAuthToken(String token) {
    TokenDao.AuthToken row = db.read(d -> d.tokens().findAuthToken(Secrets.hash(token)))
        .orElseThrow(() -> new NotFoundException("Invalid auth token"));
    if (row.accountId() == null || db.tx(d -> d.tokens().useAuthToken(row.id(), clock.instant())) == 0) {
      throw new NotFoundException("Invalid auth token");
    }
    return row.accountId();
  }
}
