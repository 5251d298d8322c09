package dev.switchboard.core.registration;

import java.util.List;

/** What a REGISTER came to. */
public sealed interface RegisterResult {
  /** Done: every live binding of the AOR now, newest first. */
  record Ok(List<Binding> bindings) implements RegisterResult {}

  /** A lifetime below the minimum was asked (423 Interval Too Brief with Min-Expires). */
  record TooBrief(int minExpires) implements RegisterResult {}

  /** A contact's binding was made by a later CSeq of the same Call-ID (RFC 3261 §10.3 step 7): nothing changed. */
  record OutOfOrder() implements RegisterResult {}
}
