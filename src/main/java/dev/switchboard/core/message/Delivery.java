package dev.switchboard.core.message;

/**
 * What one contact answered.
 *
 * @param contact the contact URI the request went to
 * @param status the final SIP status code, or 408 when no final response came in time, 503 when it could not be sent
 * @param reason the reason phrase
 */
public record Delivery(String contact, int status, String reason) {
  public boolean delivered() {
    return status >= 200 && status < 300;
  }
}
