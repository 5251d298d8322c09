package dev.switchboard.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Repeats a read until it satisfies a condition or the time is up, for what settles asynchronously. */
public final class Eventually {
  private Eventually() {}

  /** The first value that satisfies {@code ok}, or the last one read when {@code within} ran out. */
  public static <T> T until(Supplier<T> read, Predicate<T> ok, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    T value = read.get();
    while (!ok.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      value = read.get();
    }
    return value;
  }
}
