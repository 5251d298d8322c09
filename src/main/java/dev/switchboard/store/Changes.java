package dev.switchboard.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The versions of the stored data that cached reads are checked against. Every write of this process
 * moves them once committed, before the writer returns, so a request always reads its own writes.
 * Writes of other processes (the CLI, other instances, an operator's SQL) move them when
 * {@link ChangeWatcher} sees them. Until a watcher runs (CLI commands never start one) or while it has
 * lost its connection, {@link #watched()} is false and caches read through.
 *
 * <p>Two versions: {@link #version()} moves with every write, {@link #rewrites()} with every write
 * but a plain insert, which adds rows and cannot change or remove one already read. A cache of rows
 * found by a key that names one row checks the second, so that sign-ups do not empty it.
 */
public final class Changes {
  /** What a statement may have done to cached data. */
  enum Write {
    /** Nothing a cache reads (a SELECT, soft state, a key's use). */
    NONE,
    /** Added rows (a plain INSERT: no upsert, no REPLACE), changing no row already there. */
    INSERT,
    /** Anything else: may have changed or removed rows. */
    REWRITE
  }

  private final AtomicLong version = new AtomicLong();
  private final AtomicLong rewrites = new AtomicLong();
  private volatile boolean watched;

  public long version() {
    return version.get();
  }

  /** Moves with every write except plain inserts. */
  public long rewrites() {
    return rewrites.get();
  }

  /** True when writes of other processes are being seen, so that a cached read can be trusted. */
  public boolean watched() {
    return watched;
  }

  /** A write of unknown kind: both versions move. */
  void moved() {
    rewrites.incrementAndGet();
    version.incrementAndGet();
  }

  void moved(Write write) {
    switch (write) {
      case NONE -> { }
      case INSERT -> version.incrementAndGet();
      case REWRITE -> moved();
    }
  }

  /** Moves again what moved since {@code version} and {@code rewrites} were read: after a commit. */
  void movedAgainSince(long version, long rewrites) {
    if (rewrites() != rewrites) {
      moved();
    } else if (version() != version) {
      moved(Write.INSERT);
    }
  }

  void watched(boolean on) {
    // Whatever changed while nobody watched is unknown: every cached read goes either way.
    moved();
    watched = on;
    moved();
  }
}
