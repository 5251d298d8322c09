package dev.switchboard.core;

import java.util.List;

/** Input that breaks rules: every broken rule of one request, together. */
public final class ViolationsException extends RuntimeException {
  private final List<Violation> violations;

  public ViolationsException(List<Violation> violations) {
    super(violations.isEmpty() ? "invalid" : String.valueOf(violations.get(0).detail().get("message")), null, false,
        false);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
