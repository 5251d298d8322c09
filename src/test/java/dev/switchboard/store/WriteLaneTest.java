package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Group commit on SQLite's write lane: writers queued behind each other share a commit, yet each
 * returns only once its writes are committed, and each stays all-or-nothing.
 */
class WriteLaneTest {
  @TempDir Path dir;
  private Jdbi jdbi;
  private WriteLane lane;
  /** A thread per writer: the common pool may have one thread on a small machine. */
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + dir.resolve("lane.db"));
    jdbi = Jdbi.create(source);
    jdbi.useHandle(h -> {
      h.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
      h.execute("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
    });
    lane = new WriteLane(jdbi::open, () -> {});
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    lane.close();
  }

  @Test
  void queued_writers_share_one_commit_and_each_returns_committed() throws Exception {
    List<CompletableFuture<Boolean>> writers = whileHeld(List.of("a", "b", "c", "d"), name -> lane.transaction(h -> {
      h.execute("INSERT INTO parent (name) VALUES (?)", name);
      return null;
    }) == null && committed(name));

    for (CompletableFuture<Boolean> w : writers) {
      assertThat(w.get(10, TimeUnit.SECONDS)).as("seen by another connection when its call returned").isTrue();
    }
    assertThat(lane.commits()).as("four transactions, one commit").isEqualTo(1);
  }

  @Test
  void a_failing_writer_leaves_nothing_while_the_rest_of_its_group_commits() throws Exception {
    List<CompletableFuture<Boolean>> writers = whileHeld(List.of("a", "fails", "c"), name -> lane.transaction(h -> {
      h.execute("INSERT INTO parent (name) VALUES (?)", name);
      if (name.equals("fails")) {
        throw new AssertionError("boom"); // an Error, not only an exception, must not leave its row
      }
      return true;
    }));

    assertThat(writers.get(0).get(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> writers.get(1).get(10, TimeUnit.SECONDS)).hasRootCauseMessage("boom");
    assertThat(writers.get(2).get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(names()).containsExactlyInAnyOrder("a", "c");
    assertThat(lane.commits()).isEqualTo(1);
  }

  @Test
  void a_failed_commit_fails_every_writer_of_the_group_and_lands_nothing() throws Exception {
    List<CompletableFuture<Boolean>> writers = whileHeld(List.of("a", "orphan", "c"), name -> lane.transaction(h -> {
      if (name.equals("orphan")) {
        h.execute("INSERT INTO child (parent_id) VALUES (999)"); // checked only at COMMIT
      } else {
        h.execute("INSERT INTO parent (name) VALUES (?)", name);
      }
      return true;
    }));

    for (CompletableFuture<Boolean> w : writers) {
      assertThatThrownBy(() -> w.get(10, TimeUnit.SECONDS)).hasMessageContaining("shared commit");
    }
    assertThat(names()).isEmpty();
    int inserted = lane.transaction(h -> h.execute("INSERT INTO parent (name) VALUES ('after')"));
    assertThat(inserted).isEqualTo(1);
    assertThat(names()).containsExactly("after");
  }

  @Test
  void taking_the_lane_for_another_connection_commits_the_open_group_first() throws Exception {
    lane.lock();
    CompletableFuture<Object> writer = CompletableFuture.supplyAsync(() -> lane.transaction(
        h -> h.execute("INSERT INTO parent (name) VALUES ('grouped')")), threads);
    awaitQueued(1);
    CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
      lane.lock();
      try {
        // What LocationStore does: a write on a connection of its own, which the open group would block.
        jdbi.useHandle(h -> h.execute("INSERT INTO parent (name) VALUES ('elsewhere')"));
        return committed("grouped");
      } finally {
        lane.unlock();
      }
    }, threads);
    awaitQueued(2);
    lane.unlock();

    assertThat(other.get(20, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(names()).containsExactlyInAnyOrder("grouped", "elsewhere");
  }

  @Test
  void a_transaction_inside_a_transaction_is_part_of_it() {
    assertThatThrownBy(() -> lane.transaction(h -> {
      h.execute("INSERT INTO parent (name) VALUES ('outer')");
      lane.transaction(inner -> inner.execute("INSERT INTO parent (name) VALUES ('inner')"));
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(names()).isEmpty();
    lane.transaction(h -> lane.transaction(inner -> inner.execute("INSERT INTO parent (name) VALUES ('nested')")));
    assertThat(names()).containsExactly("nested");
  }

  /** Starts one writer per name while this thread holds the lane, so that all of them queue up. */
  private <T> List<CompletableFuture<T>> whileHeld(List<String> names, Function<String, T> write) {
    lane.lock();
    List<CompletableFuture<T>> writers = new ArrayList<>();
    try {
      for (String name : names) {
        writers.add(CompletableFuture.supplyAsync(() -> write.apply(name), threads));
        awaitQueued(writers.size());
      }
    } finally {
      lane.unlock();
    }
    return writers;
  }

  private void awaitQueued(int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lane.queued() < n) {
      assertThat(System.nanoTime()).as("%d writers queued", n).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private boolean committed(String name) {
    return jdbi.withHandle(h -> h.select("SELECT count(*) FROM parent WHERE name = ?", name).mapTo(Integer.class).one()) == 1;
  }

  private List<String> names() {
    return jdbi.withHandle(h -> h.select("SELECT name FROM parent").mapTo(String.class).list());
  }
}
