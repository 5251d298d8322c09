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
  private final Clock clock;

  public LoginLimiter(int maxFailures, int windowSeconds, Clock clock) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowSeconds * 1000L;
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
    windows.compute(source, (k, w) ->
        w == null || now >= w.startMillis() + windowMillis ? new Window(now, 1) : new Window(w.startMillis(), w.failures() + 1));
    if (windows.size() > SWEEP_THRESHOLD) {
      windows.values().removeIf(w -> now >= w.startMillis() + windowMillis);
    }
  }
}
