package dev.switchboard.sip;

/** OPTIONS (RFC 3261 §11): 200 with what this server accepts; monitoring tools use it as a ping. */
final class OptionsHandler implements Handler {
  @Override
  public SipMessage handle(Inbound in) {
    return Responses.to(in, 200, "OK")
        .header("Allow", "REGISTER, OPTIONS")
        .header("Accept", "application/sdp")
        .build();
  }
}
