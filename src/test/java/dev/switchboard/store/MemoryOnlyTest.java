package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work run memory-only (the HTTP selector's fast routes) is refused the database, never made to wait on it. */
class MemoryOnlyTest {
  @TempDir Path dir;

  @Test
  void every_way_into_the_database_throws_the_miss_and_writes_nothing() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("m.db"), "", "", 2, 1)) {
      assertThatThrownBy(() -> MemoryOnly.run(() -> db.read(d -> d.domains().findByName("x.example.org"))))
          .isInstanceOf(MemoryOnly.Miss.class);
      assertThatThrownBy(() -> MemoryOnly.run(() -> db.tx(d -> d.domains().insert("0".repeat(32), "x.example.org",
          Instant.now())))).isInstanceOf(MemoryOnly.Miss.class);
      assertThatThrownBy(() -> MemoryOnly.run(() -> db.write(d -> d.domains().insert("1".repeat(32), "x.example.org",
          Instant.now())))).isInstanceOf(MemoryOnly.Miss.class);
      assertThatThrownBy(() -> MemoryOnly.run(() -> db.fast().accountById(1))).isInstanceOf(MemoryOnly.Miss.class);

      var written = db.read(d -> d.domains().findByName("x.example.org"));
      assertThat(written).as("nothing was written").isEmpty();
    }
  }

  @Test
  void a_read_the_caches_hold_is_served_and_the_thread_may_wait_again_afterwards() throws InterruptedException {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("c.db"), "", "", 2, 1)) {
      db.watchOtherWriters();
      // The caches serve only once the watcher sees other processes' writes.
      for (long deadline = System.nanoTime() + 10_000_000_000L; !db.changes().watched();) {
        assertThat(System.nanoTime()).as("watching within 10 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      assertThat(db.fast().externalAccount(7)).isEmpty();
      assertThat(MemoryOnly.run(() -> db.fast().externalAccount(7))).as("from the cache").isEmpty();
      assertThatThrownBy(() -> MemoryOnly.run(() -> db.fast().externalAccount(8))).isInstanceOf(MemoryOnly.Miss.class);

      assertThat(db.fast().externalAccount(8)).as("outside, the miss reads the database").isEmpty();
    }
  }
}
