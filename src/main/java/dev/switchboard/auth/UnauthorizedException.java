package dev.switchboard.auth;

import java.util.List;

/** Authentication is required or failed: 401, with the digest challenges to offer (may be empty). */
public final class UnauthorizedException extends RuntimeException {
  private final List<DigestChallenge> challenges;

  public UnauthorizedException(String message, List<DigestChallenge> challenges) {
    super(message, null, false, false);
    this.challenges = List.copyOf(challenges);
  }

  public UnauthorizedException(String message) {
    this(message, List.of());
  }

  public List<DigestChallenge> challenges() {
    return challenges;
  }
}
