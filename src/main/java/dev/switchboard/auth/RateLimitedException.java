package dev.switchboard.auth;

/** Too many failed authentications from one source: 429 with Retry-After. */
public final class RateLimitedException extends RuntimeException {
  private final long retryAfterSeconds;

  public RateLimitedException(long retryAfterSeconds) {
    super("Too many failed authentication attempts", null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
