package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Database.tx promises: the DAOs' writes are one transaction, undone whole when it fails. */
class TransactionTest {
  @TempDir Path dir;

  @Test
  void a_failing_transaction_leaves_nothing_and_after_commit_actions_wait_for_the_commit() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), "", "", 4, 2)) {
      AtomicBoolean ran = new AtomicBoolean();
      assertThatThrownBy(() -> db.tx(d -> {
        d.domains().insert("0".repeat(32), "rollback.example.org", Instant.now());
        assertThat(d.domains().findByName("rollback.example.org").isPresent()).as("visible inside its transaction").isTrue();
        d.afterCommit(() -> ran.set(true));
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      var rolledBack = db.read(d -> d.domains().findByName("rollback.example.org"));
      assertThat(rolledBack).isEmpty();
      assertThat(ran.get()).isFalse();

      db.tx(d -> {
        d.domains().insert("1".repeat(32), "commit.example.org", Instant.now());
        d.afterCommit(() -> ran.set(true));
        assertThat(ran.get()).isFalse();
        return null;
      });
      assertThat(ran.get()).isTrue();
      var committed = db.read(d -> d.domains().findByName("commit.example.org"));
      assertThat(committed).isPresent();
    }
  }

  @Test
  void on_sqlite_a_pool_of_one_still_reads_beside_the_write_lane() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("one.db"), "", "", 1, 1)) {
      db.tx(d -> d.domains().insert("2".repeat(32), "lane.example.org", Instant.now()));
      db.write(d -> d.domains().insert("3".repeat(32), "single.example.org", Instant.now()));
      var lane = db.read(d -> d.domains().findByName("lane.example.org"));
      assertThat(lane).isPresent();
      assertThat(db.fast().accountById(1)).isEmpty();
      var single = db.read(d -> d.domains().findByName("single.example.org"));
      assertThat(single).isPresent();
    }
  }
}
