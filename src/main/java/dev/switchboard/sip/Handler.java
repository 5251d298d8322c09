package dev.switchboard.sip;

/** Answers one request method (the transaction user of RFC 3261 §17.2). Must not throw for bad input. */
interface Handler {
  SipMessage handle(Inbound in);
}
