package dev.switchboard.store;

/** A write broke a unique constraint: another row already holds that value (perhaps written a moment ago). */
public final class DuplicateKeyException extends RuntimeException {
  public DuplicateKeyException(Throwable cause) {
    super("duplicate key", cause);
  }
}
