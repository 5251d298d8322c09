package dev.switchboard.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per source address in a fixed window; once a source reaches the
 * limit, every attempt from it is refused until its window ends. Kept in memory: each instance
 * limits what reaches it.
 */
public final class LoginLimiter {
  private record Window(long startMillis, int failures) {}

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
    long now = clock.millis();
    windows.compute(source, (k, w) -> {
      Window next = w == null || now >= w.startMillis() + windowMillis ? new Window(now, 1)
          : new Window(w.startMillis(), w.failures() + 1);
      // Blocked: move the window so that it ends blockMillis from now.
      return blockMillis > 0 && next.failures() >= maxFailures ? new Window(now + blockMillis - windowMillis, next.failures()) : next;
    });
    if (windows.size() > SWEEP_THRESHOLD) {
      windows.values().removeIf(w -> now >= w.startMillis() + windowMillis);
    }
  }
}
