package dev.switchboard.store;

import java.util.function.Supplier;

/**
 * Work that must not wait on the database. Jetty's selector threads answer the repeated GETs from the
 * read caches themselves, without handing the request to another thread; a read the caches cannot
 * serve would stall every connection of that selector meanwhile. Inside {@link #run}, taking the
 * database throws {@link Miss} instead, and the caller does the work again on a thread that may wait.
 */
public final class MemoryOnly {
  /** Flow control, thrown on every cache miss of such work: one instance, no stack trace. */
  public static final class Miss extends RuntimeException {
    private Miss() {
      super("needs the database", null, false, false);
    }
  }

  private static final Miss MISS = new Miss();
  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private MemoryOnly() {}

  /** Runs {@code work}, which throws {@link Miss} where it would take the database. */
  public static <T> T run(Supplier<T> work) {
    ACTIVE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      ACTIVE.remove();
    }
  }

  /** Called before each use of the database. */
  static void check() {
    if (ACTIVE.get() != null) {
      throw MISS;
    }
  }
}
