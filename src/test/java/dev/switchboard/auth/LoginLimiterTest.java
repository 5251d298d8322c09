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
}
