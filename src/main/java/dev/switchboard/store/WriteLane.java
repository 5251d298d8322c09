package dev.switchboard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * SQLite's one writer in this process: a lock, and one connection kept for good (see {@link Database}).
 *
 * <p>Transactions that queue up behind each other share one commit (group commit): each runs inside
 * a savepoint of a transaction left open while another writer waits for the lane, and the last one
 * in (or the {@value #MAX_GROUP}th) commits for all. No caller returns before the commit that holds
 * its writes, and a failing one rolls back to its savepoint, so each keeps all-or-nothing; a failed
 * commit fails every member. A commit writes each touched page to the WAL once per group, not once
 * per transaction.
 */
final class WriteLane {
  /** Bounds how long the first member of a busy group waits for its commit. */
  static final int MAX_GROUP = 32;
  private static final String MEMBER = "member";

  private final ReentrantLock lock = new ReentrantLock();
  private final Supplier<Handle> open;
  private final Runnable reopened;
  /** Guarded by lock: the connection, the open group (null when no transaction is open) and its size. */
  private Handle handle;
  private Group group;
  private int members;
  private volatile long commits;

  /** One shared commit; members wait on it after leaving the lane. */
  private static final class Group {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException failure;

    void end(RuntimeException e) {
      failure = e;
      done.countDown();
    }

    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw new IllegalStateException("the shared commit of this transaction failed", failure);
      }
    }
  }

  /** {@code open} gives the lane its connection (again if it was closed); {@code reopened} runs then. */
  WriteLane(Supplier<Handle> open, Runnable reopened) {
    this.open = open;
    this.reopened = reopened;
  }

  /** Runs {@code work} in a transaction, all or nothing; returns once its writes are committed. */
  <T> T transaction(Function<Handle, T> work) {
    Group mine;
    T result;
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        // Called from inside this thread's own transaction: part of it, as JDBI joins nested ones.
        return handle().inTransaction(work::apply);
      }
      Handle h = handle();
      if (group == null) {
        h.begin();
        group = new Group();
        members = 0;
      }
      mine = group;
      try {
        h.savepoint(MEMBER);
        result = work.apply(h);
        h.release(MEMBER);
        members++;
      } catch (RuntimeException | Error e) {
        // An Error too: left in place, its half-done writes would go out with the group's commit.
        undo(h, e);
        throw e;
      }
    } finally {
      release();
    }
    mine.await();
    return result;
  }

  /** {@code PRAGMA data_version} on the lane's connection: it moves when another connection commits. */
  long dataVersion() throws SQLException {
    lock();
    try (Statement st = handle().getConnection().createStatement();
        ResultSet rs = st.executeQuery("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    } finally {
      release();
    }
  }

  /**
   * Takes the lane for a write on another connection: the open group commits first, since its
   * transaction holds SQLite's write lock. {@link #unlock} gives it back.
   */
  void lock() {
    lock.lock();
    // Not from inside this thread's own transaction: that would commit half of it.
    if (group != null && lock.getHoldCount() == 1) {
      commit();
    }
  }

  void unlock() {
    release();
  }

  /** Shared commits so far (for tests). */
  long commits() {
    return commits;
  }

  /** Threads waiting for the lane (for tests). */
  int queued() {
    return lock.getQueueLength();
  }

  void close() {
    lock();
    try {
      if (handle != null) {
        handle.close();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A failed member leaves nothing: back to its savepoint, or the whole group if even that failed. */
  private void undo(Handle h, Throwable cause) {
    try {
      // The savepoint itself stays until the commit (JDBI forgets it once rolled back to).
      h.rollbackToSavepoint(MEMBER);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      abort(h, cause);
    }
  }

  /** Leaves the lane; the open group commits unless another writer is already waiting to join it. */
  private void release() {
    try {
      if (group != null && lock.getHoldCount() == 1 && (members >= MAX_GROUP || !lock.hasQueuedThreads())) {
        commit();
      }
    } finally {
      lock.unlock();
    }
  }

  private void commit() {
    Group g = group;
    group = null;
    try {
      commits++;
      handle.commit();
      g.end(null);
    } catch (RuntimeException e) {
      rollbackQuietly(handle, e);
      g.end(e);
    }
  }

  private void abort(Handle h, Throwable cause) {
    Group g = group;
    group = null;
    IllegalStateException failure = new IllegalStateException("a transaction of the group could not be undone", cause);
    rollbackQuietly(h, failure);
    g.end(failure);
  }

  private static void rollbackQuietly(Handle h, RuntimeException cause) {
    try {
      h.rollback();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private Handle handle() {
    if (handle == null || handle.isClosed()) {
      reopened.run();
      handle = open.get();
    }
    return handle;
  }
}
