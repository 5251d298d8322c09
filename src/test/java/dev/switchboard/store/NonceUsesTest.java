package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.support.Eventually;
import dev.switchboard.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL's batched nonce uses: uses that queue together share a statement, and fail together. */
class NonceUsesTest {
  private final TestDatabase t = TestDatabase.postgres();
  private final Database db = Database.open(t.url(), t.user(), t.password(), 4, 1);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Instant expires = Instant.now().plusSeconds(300);

  @AfterEach
  void close() {
    threads.shutdownNow();
    db.close();
  }

  private CompletableFuture<Boolean> use(String nonce, long nc) {
    return CompletableFuture.supplyAsync(() -> db.nonceUses().use(nonce, "opaque", nc, expires), threads);
  }

  /** Holds the table locked, so that the batch writer waits and the next uses queue up behind it. */
  private Connection lockTable() throws Exception {
    Connection c = t.connect();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("LOCK TABLE digest_nonces IN ACCESS EXCLUSIVE MODE");
    }
    return c;
  }

  /** The batch writer waits for the table lock (its batch taken from the queue). */
  private void awaitWriterBlocked() {
    assertThat(Eventually.until(() -> {
      try (Connection c = t.connect(); Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
        rs.next();
        return rs.getInt(1);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }, n -> n > 0, Duration.ofSeconds(10))).as("the batch writer waits for the lock").isPositive();
  }

  private void awaitQueued(int n) {
    assertThat(Eventually.until(db.nonceUses()::queued, q -> q == n, Duration.ofSeconds(10))).isEqualTo(n);
  }

  @Test
  void a_failed_batch_fails_every_use_in_it_and_records_none() throws Exception {
    db.ready();
    CompletableFuture<Boolean> first;
    CompletableFuture<Boolean> good;
    CompletableFuture<Boolean> sameNonceNextBatch;
    CompletableFuture<Boolean> bad;
    try (Connection lock = lockTable()) {
      first = use("first", 1);
      awaitWriterBlocked();
      good = use("good", 1);
      sameNonceNextBatch = use("first", 2);
      awaitQueued(2);
      bad = use("x".repeat(65), 1); // longer than the column: the whole statement fails
      awaitQueued(3);
      lock.rollback();
    }
    assertThat(first.get()).isTrue();
    assertThatThrownBy(good::get).isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage(rootMessage(bad));
    assertThatThrownBy(sameNonceNextBatch::get).as("in the failed batch too")
        .isInstanceOf(ExecutionException.class);
    assertThat(db.nonceUses().use("good", "opaque", 1, expires)).as("the failed batch recorded nothing").isTrue();
    assertThat(db.nonceUses().use("first", "opaque", 2, expires)).isTrue();
  }

  private static String rootMessage(CompletableFuture<Boolean> failed) {
    Throwable e = failed.handle((ok, error) -> error).join();
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }

  @Test
  void uses_queued_together_share_one_statement() throws Exception {
    db.ready();
    CompletableFuture<Boolean> first;
    CompletableFuture<Boolean> a;
    CompletableFuture<Boolean> b;
    CompletableFuture<Boolean> replayOfA;
    try (Connection lock = lockTable()) {
      first = use("n0", 1);
      awaitWriterBlocked();
      a = use("n1", 1);
      b = use("n2", 7);
      awaitQueued(2);
      replayOfA = use("n1", 1);
      awaitQueued(3);
      lock.rollback();
    }
    assertThat(first.get()).isTrue();
    assertThat(a.get()).isTrue();
    assertThat(b.get()).isTrue();
    assertThat(replayOfA.get()).as("the same nonce and nc, in the next batch").isFalse();
    assertThat(db.nonceUses().use("n2", "opaque", 7, expires)).isFalse();
    assertThat(db.nonceUses().use("n2", "opaque", 8, expires)).isTrue();
  }

  @Test
  void a_use_queued_by_memory_only_work_completes_once_committed_on_the_writer() throws Exception {
    db.ready();
    CompletableFuture<Boolean> queued;
    CompletableFuture<String> thread;
    try (Connection lock = lockTable()) {
      queued = MemoryOnly.run(() -> db.nonceUses().useLater("m1", "opaque", 1, expires));
      awaitWriterBlocked();
      assertThat(queued).as("waits for its batch's commit").isNotDone();
      thread = queued.thenApply(recorded -> Thread.currentThread().getName());
      lock.rollback();
    }
    assertThat(queued.get()).isTrue();
    assertThat(thread.get()).isEqualTo("digest-nonce-uses");
    assertThat(MemoryOnly.run(() -> db.nonceUses().useLater("m1", "opaque", 1, expires)).get())
        .as("a replay").isFalse();
    assertThatThrownBy(() -> MemoryOnly.run(() -> db.nonceUses().use("m1", "opaque", 2, expires)))
        .as("waiting for it is not memory-only work").isInstanceOf(MemoryOnly.Miss.class);
  }
}
