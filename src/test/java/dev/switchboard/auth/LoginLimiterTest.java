package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void refuses_a_source_after_its_failures_until_the_window_ends() {
    TestClock clock = new TestClock();
    LoginLimiter limiter = new LoginLimiter(3, 60, clock);
    for (int i = 0; i < 3; i++) {
      limiter.check("10.0.0.1");
      limiter.recordFailure("10.0.0.1");
    }
    assertThatThrownBy(() -> limiter.check("10.0.0.1")).isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds()).isEqualTo(60));
    assertThatCode(() -> limiter.check("10.0.0.2")).doesNotThrowAnyException();
    clock.now = clock.now.plus(Duration.ofSeconds(45));
    assertThatThrownBy(() -> limiter.check("10.0.0.1"))
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds()).isEqualTo(15));
    clock.now = clock.now.plus(Duration.ofSeconds(15));
    assertThatCode(() -> limiter.check("10.0.0.1")).doesNotThrowAnyException();
  }

  @Test
  void concurrent_wrong_answers_of_one_source_never_exceed_the_limit_and_other_sources_are_not_held() throws Exception {
    LoginLimiter limiter = new LoginLimiter(3, 60, 300, new TestClock());
    int threads = 64;
    java.util.concurrent.CyclicBarrier allChecked = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<Thread> started = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      started.add(Thread.ofVirtual().start(() -> {
        LoginLimiter.Attempt a = null;
        try {
          a = limiter.begin("10.0.0.9");
          admitted.incrementAndGet();
        } catch (RateLimitedException e) {
          // refused: what the limit is for
        }
        try {
          // Every thread has checked before any records its failure: check-then-record would admit all 64.
          allChecked.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        if (a != null) {
          a.failed();
        }
      }));
    }
    for (Thread t : started) {
      t.join(15_000);
    }
    assertThat(admitted.get()).isEqualTo(3);
    assertThatThrownBy(() -> limiter.check("10.0.0.9")).isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> limiter.begin("10.0.0.9")).isInstanceOf(RateLimitedException.class);
    assertThatCode(() -> limiter.begin("10.0.0.10").failed()).doesNotThrowAnyException();
  }

  @Test
  void a_successful_attempt_counts_nothing_and_frees_its_place() {
    LoginLimiter limiter = new LoginLimiter(2, 60, new TestClock());
    LoginLimiter.Attempt first = limiter.begin("10.0.0.1");
    LoginLimiter.Attempt second = limiter.begin("10.0.0.1");
    // Two being verified: a third must wait for one of them.
    assertThatThrownBy(() -> limiter.begin("10.0.0.1")).isInstanceOf(RateLimitedException.class);
    first.succeeded();
    first.failed(); // already ended: ignored
    limiter.begin("10.0.0.1").succeeded();
    second.failed();
    assertThatCode(() -> limiter.check("10.0.0.1")).doesNotThrowAnyException();
    limiter.begin("10.0.0.1").failed();
    assertThatThrownBy(() -> limiter.check("10.0.0.1")).isInstanceOf(RateLimitedException.class);
  }
}
