package dev.switchboard.core;

import dev.switchboard.store.DuplicateKeyException;
import java.util.List;
import java.util.function.Supplier;

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

  /**
   * Runs a write whose uniqueness was checked first; when another writer took the value between
   * the check and the write (the unique key refuses it), fails with the violations {@code taken}
   * names, as the check would have.
   */
  public static <T> T unlessTaken(Supplier<T> work, Supplier<List<Violation>> taken) {
    try {
      return work.get();
    } catch (DuplicateKeyException e) {
      throw new ViolationsException(taken.get());
    }
  }
}
