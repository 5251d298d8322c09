package dev.switchboard.core.message;

import java.util.List;

/**
 * Sends out-of-dialog SIP requests (MESSAGE, NOTIFY) to an address of record: to every live binding
 * of username@domain, or through the configured outbound proxy / Kamailio. Implemented in sip/
 * (the built-in UAC, or Kamailio's JSON-RPC in `sip.mode: kamailio`); core and faces only see this.
 * Blocks until each request got a final response or timed out (Timer F, 32 s at most).
 */
public interface SipUac {

  /** Sends the request to every live contact of its AOR; an empty list means nothing was registered. */
  List<Delivery> send(OutOfDialogRequest request);
}
