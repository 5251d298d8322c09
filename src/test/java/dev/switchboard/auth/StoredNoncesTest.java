package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.registration.SipCredentials;
import dev.switchboard.store.Database;
import dev.switchboard.store.MemoryOnly;
import dev.switchboard.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Database-mode digest nonces on real SQLite and PostgreSQL: issued and checked without the database,
 * each nc accepted once across every instance on the database, durably.
 */
class StoredNoncesTest {
  private final LoginLimiterTest.TestClock clock = new LoginLimiterTest.TestClock();
  private final List<Database> opened = new ArrayList<>();
  private final AtomicInteger keyReads = new AtomicInteger();

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  private static TestDatabase database(String kind) {
    return kind.equals("sqlite") ? TestDatabase.sqlite() : TestDatabase.postgres();
  }

  /** An instance on {@code t}: its own pool, its key read from the database as the server reads it. */
  private StoredNonces instance(TestDatabase t) {
    Database db = Database.open(t.url(), t.user(), t.password(), 4, 1);
    opened.add(db);
    SipCredentials credentials = new SipCredentials(db);
    return new StoredNonces(() -> {
      keyReads.incrementAndGet();
      return HexFormat.of().parseHex(credentials.nonceKey());
    }, db.nonceUses(), clock, Duration.ofSeconds(300));
  }

  private static DigestNonces.Live live(StoredNonces nonces, String nonce) {
    return nonces.live(nonce).orElseThrow(() -> new AssertionError("not live: " + nonce));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void each_nc_is_accepted_once_and_only_upwards(String kind) {
    StoredNonces nonces = instance(database(kind));
    DigestNonces.Issued issued = nonces.issue();
    assertThat(live(nonces, issued.nonce()).opaque()).isEqualTo(issued.opaque());
    assertThat(live(nonces, issued.nonce()).advance(1)).isTrue();
    assertThat(live(nonces, issued.nonce()).advance(1)).as("replay").isFalse();
    assertThat(live(nonces, issued.nonce()).advance(3)).isTrue();
    assertThat(live(nonces, issued.nonce()).advance(2)).as("below the highest used").isFalse();
    assertThat(live(nonces, issued.nonce()).advance(3)).as("replay of the highest").isFalse();
    assertThat(live(nonces, issued.nonce()).advance(0)).isFalse();
    assertThat(live(nonces, nonces.issue().nonce()).advance(1)).as("another nonce has its own count").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void two_instances_accept_each_others_nonces_but_never_the_same_nc_twice(String kind) {
    TestDatabase t = database(kind);
    StoredNonces a = instance(t);
    StoredNonces b = instance(t);
    DigestNonces.Issued fromA = a.issue();
    DigestNonces.Issued fromB = b.issue();
    assertThat(fromA.nonce()).isNotEqualTo(fromB.nonce());
    assertThat(live(b, fromA.nonce()).opaque()).isEqualTo(fromA.opaque());
    assertThat(live(b, fromA.nonce()).advance(1)).isTrue();
    assertThat(live(a, fromA.nonce()).advance(1)).as("used on the other instance").isFalse();
    assertThat(live(a, fromA.nonce()).advance(2)).isTrue();
    assertThat(live(b, fromA.nonce()).advance(2)).isFalse();
    assertThat(live(a, fromB.nonce()).advance(1)).isTrue();

    // A restart: a new instance (a new pool, the key read again) still refuses what was used.
    StoredNonces restarted = instance(t);
    assertThat(live(restarted, fromA.nonce()).advance(2)).as("durable across a restart").isFalse();
    assertThat(live(restarted, fromA.nonce()).advance(5)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void a_forged_altered_foreign_or_expired_nonce_is_stale(String kind) {
    StoredNonces nonces = instance(database(kind));
    assertThat(nonces.live(instance(database(kind)).issue().nonce())).as("another database's key").isEmpty();
    assertThat(nonces.live(new LocalNonces(clock, Duration.ofSeconds(300)).issue().nonce())).isEmpty();

    String mine = nonces.issue().nonce();
    char last = mine.charAt(mine.length() - 2);
    String altered = mine.substring(0, mine.length() - 2) + (last == 'A' ? 'B' : 'A') + mine.charAt(mine.length() - 1);
    assertThat(nonces.live(altered)).isEmpty();
    assertThat(nonces.live("not base64 !")).isEmpty();
    assertThat(nonces.live("00000000000000000000000000000000")).isEmpty();

    clock.now = clock.now.plusSeconds(299);
    assertThat(nonces.live(mine)).isPresent();
    clock.now = clock.now.plusSeconds(1);
    assertThat(nonces.live(mine)).as("expired").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void issue_and_check_are_memory_only_once_the_key_is_read_and_advance_is_not(String kind) {
    StoredNonces nonces = instance(database(kind));
    assertThatThrownBy(() -> MemoryOnly.run(nonces::issue)).as("the key is read from the database")
        .isInstanceOf(MemoryOnly.Miss.class);
    nonces.issue();
    DigestNonces.Issued issued = MemoryOnly.run(nonces::issue);
    DigestNonces.Live live = MemoryOnly.run(() -> live(nonces, issued.nonce()));
    assertThatThrownBy(() -> MemoryOnly.run(() -> live.advance(1))).isInstanceOf(MemoryOnly.Miss.class);
    assertThat(live.advance(1)).as("the memory-only attempt consumed nothing").isTrue();
    assertThat(keyReads.get()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void virtual_threads_issue_and_check_as_platform_threads_do(String kind) throws Exception {
    StoredNonces nonces = instance(database(kind));
    DigestNonces.Issued[] issued = new DigestNonces.Issued[1];
    Thread.ofVirtual().start(() -> issued[0] = nonces.issue()).join();
    assertThat(live(nonces, issued[0].nonce()).opaque()).isEqualTo(issued[0].opaque());
    String mine = nonces.issue().nonce();
    boolean[] seen = new boolean[2];
    Thread.ofVirtual().start(() -> {
      seen[0] = nonces.live(mine).isPresent();
      seen[1] = nonces.live(mine.substring(0, 10) + (mine.charAt(10) == 'A' ? 'B' : 'A') + mine.substring(11)).isPresent();
    }).join();
    assertThat(seen).containsExactly(true, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void concurrent_uses_of_one_nc_accept_exactly_one(String kind) throws Exception {
    TestDatabase t = database(kind);
    StoredNonces a = instance(t);
    StoredNonces b = instance(t);
    int perNonce = 16;
    List<String> nonces = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      nonces.add((i % 2 == 0 ? a : b).issue().nonce());
    }
    ExecutorService threads = Executors.newFixedThreadPool(nonces.size() * perNonce);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (String nonce : nonces) {
        for (int i = 0; i < perNonce; i++) {
          StoredNonces on = i % 2 == 0 ? a : b;
          Callable<Boolean> use = () -> {
            go.await();
            return live(on, nonce).advance(1);
          };
          results.add(threads.submit(use));
        }
      }
      go.countDown();
      for (int n = 0; n < nonces.size(); n++) {
        int accepted = 0;
        for (int i = 0; i < perNonce; i++) {
          accepted += results.get(n * perNonce + i).get() ? 1 : 0;
        }
        assertThat(accepted).as("uses of nc 1 of nonce %d accepted", n).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
