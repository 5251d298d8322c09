package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

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
  void only_reads_soft_state_and_key_uses_leave_the_version() {
    assertThat(ChangeLogger.mayChangeCachedData("SELECT 1")).isFalse();
    assertThat(ChangeLogger.mayChangeCachedData("  select * from accounts")).isFalse();
    assertThat(ChangeLogger.mayChangeCachedData("INSERT INTO digest_nonces (nonce) VALUES (?)")).isFalse();
    assertThat(ChangeLogger.mayChangeCachedData("delete FROM hermes_sessions WHERE expires_at < ?")).isFalse();
    assertThat(ChangeLogger.mayChangeCachedData(ApiKeyDao.TOUCH)).isFalse();
    assertThat(ChangeLogger.mayChangeCachedData("UPDATE accounts SET blocked = TRUE")).isTrue();
    assertThat(ChangeLogger.mayChangeCachedData("DELETE FROM api_keys WHERE id = 1")).isTrue();
    assertThat(ChangeLogger.mayChangeCachedData("WITH x AS (DELETE FROM api_keys RETURNING id) SELECT 1")).isTrue();
    assertThat(ChangeLogger.mayChangeCachedData("PRAGMA foreign_keys = ON")).isTrue();
  }
}
