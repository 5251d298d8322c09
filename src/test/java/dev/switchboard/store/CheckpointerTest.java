package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's WAL is copied into the database file by the checkpoint thread, not by the writers'
 * commits, and rewound while writers keep the write lane busy.
 */
class CheckpointerTest {
  private static final int RESTART_FRAMES = 64;
  @TempDir Path dir;
  private SQLiteDataSource source;
  private WriteLane lane;
  private Checkpointer checkpointer;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
    source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + dir.resolve("wal.db"));
    Jdbi jdbi = Jdbi.create(source);
    jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, filler BLOB NOT NULL)"));
    lane = new WriteLane(jdbi::open, () -> {});
    checkpointer = new Checkpointer(source::getConnection, lane, RESTART_FRAMES);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    checkpointer.close();
    lane.close();
  }

  @Test
  void the_writers_commits_leave_the_wal_to_the_checkpoint_thread() throws Exception {
    insert(20);
    Thread.sleep(2 * Checkpointer.INTERVAL_MS);
    assertThat(databaseFileBytes()).as("no commit copied its pages to the database file").isLessThan(20 * 4000L);

    checkpointer.start();

    for (int i = 0; i < 100 && databaseFileBytes() < 20 * 4000L; i++) {
      Thread.sleep(50);
    }
    assertThat(databaseFileBytes()).as("the checkpoint thread copied them").isGreaterThanOrEqualTo(20 * 4000L);
    assertThat(count()).isEqualTo(20);
  }

  @Test
  void a_wal_past_its_limit_is_rewound_while_writers_keep_the_lane_busy() throws Exception {
    checkpointer.start();
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    long until = System.nanoTime() + 1_500_000_000L;
    for (int i = 0; i < 4; i++) {
      writers.add(CompletableFuture.runAsync(() -> {
        while (System.nanoTime() < until) {
          insert(1);
        }
      }, threads));
    }
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

    // Each insert writes at least its own 4 KiB page: unrewound, the WAL would hold every one.
    long walBytes = Files.size(dir.resolve("wal.db-wal"));
    assertThat(checkpointer.restarts()).isPositive();
    assertThat(walBytes).isLessThan(count() * 4096L);
  }

  private void insert(int rows) {
    lane.transaction(h -> {
      for (int i = 0; i < rows; i++) {
        h.execute("INSERT INTO t (filler) VALUES (randomblob(4000))");
      }
      return null;
    });
  }

  private long count() {
    return Jdbi.create(source).withHandle(h -> h.createQuery("SELECT count(*) FROM t").mapTo(Long.class).one());
  }

  private long databaseFileBytes() throws Exception {
    return Files.size(dir.resolve("wal.db"));
  }
}
