package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Digest nonces kept in memory: single use per nc, this process's alone, stale once expired or pushed out. */
class LocalNoncesTest {
  private final LoginLimiterTest.TestClock clock = new LoginLimiterTest.TestClock();
  private final LocalNonces nonces = new LocalNonces(clock, Duration.ofSeconds(300));

  @Test
  void each_nc_is_accepted_once_and_only_upwards() {
    DigestNonces.Issued issued = nonces.issue();
    assertThat(live(issued.nonce()).opaque()).isEqualTo(issued.opaque());
    assertThat(live(issued.nonce()).advance(1)).isTrue();
    assertThat(live(issued.nonce()).advance(1)).as("replay").isFalse();
    assertThat(live(issued.nonce()).advance(3)).isTrue();
    assertThat(live(issued.nonce()).advance(2)).as("below the highest used").isFalse();
    assertThat(live(issued.nonce()).advance(0)).isFalse();
    assertThat(live(nonces.issue().nonce()).advance(1)).as("another nonce has its own count").isTrue();
  }

  @Test
  void a_nonce_of_another_process_or_a_forged_one_is_unknown() {
    DigestNonces.Issued theirs = new LocalNonces(clock, Duration.ofSeconds(300)).issue();
    assertThat(nonces.live(theirs.nonce())).isEmpty();

    String mine = nonces.issue().nonce();
    char last = mine.charAt(mine.length() - 2);
    String altered = mine.substring(0, mine.length() - 2) + (last == 'A' ? 'B' : 'A') + mine.charAt(mine.length() - 1);
    assertThat(nonces.live(altered)).isEmpty();
    assertThat(nonces.live("not base64 !")).isEmpty();
    assertThat(nonces.live("00000000000000000000000000000000")).isEmpty();
  }

  @Test
  void an_expired_nonce_is_stale() {
    DigestNonces.Issued issued = nonces.issue();
    clock.now = clock.now.plusSeconds(299);
    assertThat(nonces.live(issued.nonce())).isPresent();
    clock.now = clock.now.plusSeconds(1);
    assertThat(nonces.live(issued.nonce())).isEmpty();
  }

  @Test
  void a_nonce_pushed_out_of_the_ring_is_stale_and_its_used_nc_stays_refused() {
    DigestNonces.Issued first = nonces.issue();
    DigestNonces.Live firstLive = live(first.nonce());
    assertThat(firstLive.advance(1)).isTrue();
    DigestNonces.Issued unused = nonces.issue();
    String sameSlot = null;
    for (int i = 2; i <= 1 << 18; i++) {
      sameSlot = nonces.issue().nonce(); // the last one, 2^18 after the first, takes its slot
    }
    assertThat(live(sameSlot).advance(1)).isTrue();
    assertThat(nonces.live(first.nonce())).isEmpty();
    assertThat(firstLive.advance(2)).as("found live before the newer nonce took its slot").isFalse();
    assertThat(nonces.live(unused.nonce())).as("no newer nonce used its slot yet").isPresent();
  }

  @Test
  void concurrent_answers_with_the_same_nc_are_accepted_once() throws Exception {
    String nonce = nonces.issue().nonce();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        tries.add(() -> live(nonce).advance(1));
      }
      long accepted = 0;
      for (Future<Boolean> f : threads.invokeAll(tries)) {
        accepted += f.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  private DigestNonces.Live live(String nonce) {
    return nonces.live(nonce).orElseThrow();
  }
}
