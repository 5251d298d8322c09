package dev.switchboard.sip;

/** A message that is not well-formed SIP; the reason goes into a 400 when there is anyone to answer. */
public final class SipParseException extends Exception {
  public SipParseException(String reason) {
    super(reason, null, false, false);
  }
}
