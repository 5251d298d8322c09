package dev.switchboard.face.hermes;

import dev.switchboard.auth.HermesAuth;

/** The domain checks of every node: a caller bound to a domain sees and changes only that domain. */
final class Scope {
  private Scope() {}

  static void check(HermesAuth.Caller caller, String domain) {
    if (!caller.maySee(domain)) {
      throw HermesException.failed("unauthorized", "This session may not act on " + domain + ".");
    }
  }

  /** Key and operator management is for callers that are not bound to one domain. */
  static void global(HermesAuth.Caller caller) {
    if (caller.domain() != null) {
      throw HermesException.failed("unauthorized", "Only an administrator of every domain may manage authorizations.");
    }
  }
}
