package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.store.Changes.Write;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
  final Changes changes = new Changes();
  final AtomicInteger reads = new AtomicInteger();

  String read() {
    return "v" + reads.incrementAndGet();
  }

  @Test
  void serves_nothing_until_other_writers_are_watched() {
    ReadCache<String, String> cache = ReadCache.ofEntries(changes, 10);
    assertThat(cache.get("k", this::read)).isEqualTo("v1");
    assertThat(cache.get("k", this::read)).isEqualTo("v2");
    changes.watched(true);
    assertThat(cache.get("k", this::read)).isEqualTo("v3");
    assertThat(cache.get("k", this::read)).isEqualTo("v3");
    changes.watched(false);
    assertThat(cache.get("k", this::read)).isEqualTo("v4");
  }

  @Test
  void a_write_makes_every_entry_stale() {
    changes.watched(true);
    ReadCache<String, String> cache = ReadCache.ofEntries(changes, 10);
    assertThat(cache.get("a", this::read)).isEqualTo("v1");
    assertThat(cache.get("a", this::read)).isEqualTo("v1");
    changes.moved();
    assertThat(cache.get("a", this::read)).isEqualTo("v2");
  }

  @Test
  void a_write_during_the_read_leaves_its_result_stale() {
    changes.watched(true);
    ReadCache<String, String> cache = ReadCache.ofEntries(changes, 10);
    assertThat(cache.get("a", () -> {
      changes.moved();
      return read();
    })).isEqualTo("v1");
    assertThat(cache.get("a", this::read)).isEqualTo("v2");
    assertThat(cache.get("a", this::read)).isEqualTo("v2");
  }

  @Test
  void find_keeps_only_what_was_found() {
    changes.watched(true);
    ReadCache<String, String> cache = ReadCache.ofEntries(changes, 10);
    assertThat(cache.find("a", () -> Optional.empty())).isEmpty();
    assertThat(cache.find("a", () -> Optional.of(read()))).contains("v1");
    assertThat(cache.find("a", () -> Optional.of(read()))).contains("v1");
  }

  @Test
  void stays_within_its_weight() {
    changes.watched(true);
    ReadCache<Integer, String> cache = new ReadCache<>(changes, 10, String::length);
    for (int i = 0; i < 100; i++) {
      cache.get(i, () -> "xxx");
    }
    assertThat(cache.size()).isBetween(1, 3);
    assertThat(cache.get(99, () -> "yyy")).as("the newest entry stays").isEqualTo("xxx");
    assertThat(cache.get(1000, () -> "far too heavy for this cache")).isEqualTo("far too heavy for this cache");
  }

  @Test
  void a_full_cache_makes_room_for_many_entries_at_once() {
    changes.watched(true);
    ReadCache<Integer, String> cache = ReadCache.ofEntries(changes, 80);
    for (int i = 0; i <= 80; i++) {
      cache.get(i, () -> "v");
    }
    assertThat(cache.size()).as("down to 7/8 of the bound").isEqualTo(70);
    assertThat(cache.get(80, () -> "other")).isEqualTo("v");
  }

  @Test
  void only_reads_soft_state_and_key_uses_leave_the_versions() {
    assertThat(ChangeLogger.writeOf("SELECT 1")).isEqualTo(Write.NONE);
    assertThat(ChangeLogger.writeOf("  select * from accounts")).isEqualTo(Write.NONE);
    assertThat(ChangeLogger.writeOf("INSERT INTO digest_nonces (nonce) VALUES (?)")).isEqualTo(Write.NONE);
    assertThat(ChangeLogger.writeOf("delete FROM hermes_sessions WHERE expires_at < ?")).isEqualTo(Write.NONE);
    assertThat(ChangeLogger.writeOf(ApiKeyDao.TOUCH)).isEqualTo(Write.NONE);
    assertThat(ChangeLogger.writeOf("UPDATE accounts SET blocked = TRUE")).isEqualTo(Write.REWRITE);
    assertThat(ChangeLogger.writeOf("DELETE FROM api_keys WHERE id = 1")).isEqualTo(Write.REWRITE);
    assertThat(ChangeLogger.writeOf("WITH x AS (DELETE FROM api_keys RETURNING id) SELECT 1"))
        .isEqualTo(Write.REWRITE);
    assertThat(ChangeLogger.writeOf("PRAGMA foreign_keys = ON")).isEqualTo(Write.REWRITE);
  }

  @Test
  void only_a_plain_insert_counts_as_one() {
    assertThat(ChangeLogger.writeOf(AccountDao.INSERT)).isEqualTo(Write.INSERT);
    assertThat(ChangeLogger.writeOf(" insert into api_keys (key_hash) VALUES (?)")).isEqualTo(Write.INSERT);
    assertThat(ChangeLogger.writeOf("INSERT INTO sip_secrets (name) VALUES (?) ON CONFLICT (name) DO NOTHING"))
        .isEqualTo(Write.REWRITE);
    assertThat(ChangeLogger.writeOf("INSERT INTO t (k) VALUES (1)\n on  conflict (k) DO UPDATE SET v = 1"))
        .isEqualTo(Write.REWRITE);
    assertThat(ChangeLogger.writeOf("INSERT OR REPLACE INTO accounts (id) VALUES (1)")).isEqualTo(Write.REWRITE);
    assertThat(ChangeLogger.writeOf("REPLACE INTO accounts (id) VALUES (1)")).isEqualTo(Write.REWRITE);
  }

  @Test
  void an_insert_leaves_found_rows_but_not_other_reads() {
    changes.watched(true);
    ReadCache<String, String> rows = ReadCache.ofFoundRows(changes, 10);
    ReadCache<String, String> other = ReadCache.ofEntries(changes, 10);
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v1");
    assertThat(other.get("a", this::read)).isEqualTo("v2");
    changes.moved(Write.INSERT);
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v1");
    assertThat(other.get("a", this::read)).isEqualTo("v3");
    changes.moved(Write.REWRITE);
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v4");
    changes.moved();
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v5");
    changes.moved(Write.NONE);
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v5");
    assertThatThrownBy(() -> rows.get("a", this::read)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void after_a_commit_what_moved_moves_again() {
    changes.watched(true);
    ReadCache<String, String> rows = ReadCache.ofFoundRows(changes, 10);
    long version = changes.version();
    long rewrites = changes.rewrites();
    changes.moved(Write.INSERT);
    // A read between the statement and its commit, cached, must not outlive the commit.
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v1");
    changes.movedAgainSince(version, rewrites);
    assertThat(changes.rewrites()).isEqualTo(rewrites);
    assertThat(changes.version()).isEqualTo(version + 2);
    assertThat(rows.find("a", () -> Optional.of(read()))).as("an insert changed no row").contains("v1");

    version = changes.version();
    rewrites = changes.rewrites();
    changes.moved(Write.REWRITE);
    assertThat(rows.find("a", () -> Optional.of(read()))).contains("v2");
    changes.movedAgainSince(version, rewrites);
    assertThat(rows.find("a", () -> Optional.of(read()))).as("stale after the commit").contains("v3");

    version = changes.version();
    rewrites = changes.rewrites();
    changes.movedAgainSince(version, rewrites);
    assertThat(changes.version()).as("nothing written, nothing moved").isEqualTo(version);
  }
}
