package dev.switchboard.sip;

/** Puts encoded messages on the wire; failures are logged by the transport, never thrown at the caller. */
interface Sender {
  /** Sends to the peer: on its TCP connection, or as a datagram to its address. */
  void send(Peer peer, byte[] message);
}
