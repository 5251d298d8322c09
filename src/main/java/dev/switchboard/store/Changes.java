package dev.switchboard.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of the stored data that cached reads are checked against. Every write of this process
 * moves it once committed, before the writer returns, so a request always reads its own writes. Writes
 * of other processes (the CLI, other instances, an operator's SQL) move it when {@link ChangeWatcher}
 * sees them. Until a watcher runs (CLI commands never start one) or while it has lost its connection,
 * {@link #watched()} is false and caches read through.
 */
public final class Changes {
  private final AtomicLong version = new AtomicLong();
  private volatile boolean watched;

  public long version() {
    return version.get();
  }

  /** True when writes of other processes are being seen, so that a cached read can be trusted. */
  public boolean watched() {
    return watched;
  }

  void moved() {
    version.incrementAndGet();
  }

  void watched(boolean on) {
    // Whatever changed while nobody watched is unknown: every cached read goes either way.
    moved();
    watched = on;
    moved();
  }
}
