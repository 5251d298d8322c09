package dev.switchboard.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per source address in a fixed window; once a source reaches the
 * limit, every attempt from it is refused until its window ends. Kept in memory: each instance
 * limits what reaches it.
 *
 * <p>{@link #check} then {@link #recordFailure} leaves a gap: wrong answers verified at the same
 * time all pass the check before any is recorded. {@link #begin} closes it: it counts the attempt
 * as pending in the same atomic step (ConcurrentHashMap.compute, locking only that source's bin)
 * as the check, so at most max_failures answers of one source are ever being verified or failed.
 */
public final class LoginLimiter {
  private record Window(long startMillis, int failures, int pending) {
    Window(long startMillis, int failures) {
      this(startMillis, failures, 0);
    }
  }

  /** One authentication attempt admitted by {@link #begin}; the first of its methods called ends it, later calls do nothing. */
  public interface Attempt {
    void failed();

    void succeeded();
  }

  private static final int SWEEP_THRESHOLD = 10_000;

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final long windowMillis;
  private final long blockMillis;
  private final Clock clock;

  /** Refuses a source that reached the limit until its window ends. */
  public LoginLimiter(int maxFailures, int windowSeconds, Clock clock) {
    this(maxFailures, windowSeconds, 0, clock);
  }

  /** Refuses a source that reached the limit for {@code blockSeconds} from its last counted failure (0: until its window ends). */
  public LoginLimiter(int maxFailures, int windowSeconds, int blockSeconds, Clock clock) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowSeconds * 1000L;
    this.blockMillis = blockSeconds * 1000L;
    this.clock = clock;
  }

  /** Throws {@link RateLimitedException} when {@code source} has used up its failures. */
  public void check(String source) {
    Window w = windows.get(source);
    if (w == null) {
      return;
    }
    long now = clock.millis();
    long end = w.startMillis() + windowMillis;
    if (now >= end) {
      windows.remove(source, w);
    } else if (w.failures() >= maxFailures) {
      throw new RateLimitedException(Math.max(1, (end - now + 999) / 1000));
    }
  }

  public void recordFailure(String source) {
    fail(source, false);
  }

  /**
   * Checks and admits one attempt of {@code source} at once: attempts pending count against the
   * limit like failures, so concurrent wrong answers never exceed it. Throws
   * {@link RateLimitedException} when the failures and pending attempts reach the limit.
   */
  public Attempt begin(String source) {
    long now = clock.millis();
    windows.compute(source, (k, w) -> {
      Window live = w == null || now >= w.startMillis() + windowMillis ? new Window(now, 0) : w;
      if (live.failures() + live.pending() >= maxFailures) {
        throw new RateLimitedException(Math.max(1, (live.startMillis() + windowMillis - now + 999) / 1000));
      }
      return new Window(live.startMillis(), live.failures(), live.pending() + 1);
    });
    java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    return new Attempt() {
      @Override
      public void failed() {
        if (ended.compareAndSet(false, true)) {
          fail(source, true);
        }
      }

      @Override
      public void succeeded() {
        if (ended.compareAndSet(false, true)) {
          windows.computeIfPresent(source, (k, w) -> w.failures() == 0 && w.pending() <= 1 ? null
            : new Window(w.startMillis(), w.failures(), Math.max(0, w.pending() - 1)));
        }
      }
    };
  }

  private void fail(String source, boolean wasPending) {
    long now = clock.millis();
    windows.compute(source, (k, w) -> {
      int pending = w == null ? 0 : Math.max(0, w.pending() - (wasPending ? 1 : 0));
      Window next = w == null || now >= w.startMillis() + windowMillis ? new Window(now, 1, pending)
          : new Window(w.startMillis(), w.failures() + 1, pending);
      // Blocked: move the window so that it ends blockMillis from now.
      return blockMillis > 0 && next.failures() >= maxFailures
          ? new Window(now + blockMillis - windowMillis, next.failures(), pending) : next;
    });
    if (windows.size() > SWEEP_THRESHOLD) {
      windows.values().removeIf(w -> w.pending() == 0 && now >= w.startMillis() + windowMillis);
    }
  }
}
