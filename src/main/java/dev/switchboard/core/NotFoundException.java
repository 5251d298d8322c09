package dev.switchboard.core;

/** The thing asked for does not exist, or the caller may not know that it does. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message, null, false, false);
  }
}
