package dev.switchboard.core;

/**
 * A request that is well-formed but cannot be done in the present state: the address is taken, the
 * account is in use, the domain is not served... Each face maps the reason to its own wording.
 */
public final class RefusedException extends RuntimeException {
  /** Why. */
  public enum Reason { EXISTS, IN_USE, NO_SERVERS, LOCAL_DOMAIN, UNKNOWN_DOMAIN, REJECTED, EMPTY }

  private final Reason reason;

  public RefusedException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
