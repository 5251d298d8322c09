package dev.switchboard.sip;

/** A request that passed the checks every request gets, with its parsed top Via and where it came from. */
record Inbound(SipMessage request, Via via, Peer peer) {}
