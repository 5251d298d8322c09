package dev.switchboard.core.message;

/**
 * No SIP layer can send requests here: sip.enabled is false, or the listeners are not running (a
 * CLI command). A face answers it as "cannot be sent now" in its own shape (FlexiAPI: 503).
 */
public final class SipUnavailableException extends RuntimeException {
  public SipUnavailableException(String message) {
    super(message, null, false, false);
  }
}
