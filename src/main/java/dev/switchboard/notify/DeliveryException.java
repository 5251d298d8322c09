package dev.switchboard.notify;

/** A delivery that did not go through this time; the outbox retries it. */
final class DeliveryException extends Exception {
  DeliveryException(String message) {
    super(message);
  }

  DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
