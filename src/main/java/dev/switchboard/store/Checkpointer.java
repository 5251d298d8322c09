package dev.switchboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's WAL checkpoints, on a thread of their own. Left to SQLite, the commit that takes the WAL
 * past 1,000 pages copies them into the database file and syncs both files before it returns: that
 * commit is the write lane's, so every writer queued behind it waited for two fsyncs (half of the
 * lane's commit time under account creation). The pool's connections therefore never checkpoint
 * (wal_autocheckpoint=0, see {@link Database}), and this thread copies what was committed every
 * {@value #INTERVAL_MS} ms, beside the writers: a PASSIVE checkpoint waits for no one.
 *
 * <p>Copying does not shorten the WAL. SQLite rewinds it only when a transaction begins on a WAL
 * that is fully copied, which back-to-back group commits never give it; so once the WAL holds
 * {@code restartFrames} frames, this thread takes the write lane for one RESTART checkpoint, which
 * finds nearly everything copied already. That waits at most {@value #BUSY_TIMEOUT_MS} ms for readers
 * still on the old WAL (this connection's busy timeout), then lets the writers go and tries again later.
 */
final class Checkpointer implements AutoCloseable {
  static final int INTERVAL_MS = 200;
  static final int BUSY_TIMEOUT_MS = 100;
  /** 16 MiB of 4 KiB pages: past this, the WAL is rewound. */
  static final int RESTART_FRAMES = 4_096;
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final Connect connect;
  private final WriteLane lane;
  private final int restartFrames;
  private final Thread thread;
  private volatile boolean closed;
  private volatile long restarts;

  /** Opens the thread's own connection, whose busy timeout bounds a RESTART's wait. */
  @FunctionalInterface
  interface Connect {
    Connection open() throws SQLException;
  }

  /** What one checkpoint reports: whether it had to give up on a reader or writer, and the WAL's frames. */
  record Result(boolean busy, long frames) {}

  Checkpointer(Connect connect, WriteLane lane, int restartFrames) {
    this.connect = connect;
    this.lane = lane;
    this.restartFrames = restartFrames;
    this.thread = Thread.ofPlatform().daemon().name("sqlite-checkpoints").unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** RESTART checkpoints so far (for tests). */
  long restarts() {
    return restarts;
  }

  private void run() {
    while (!closed) {
      try (Connection c = connect.open()) {
        while (!closed) {
          LockSupport.parkNanos(INTERVAL_MS * 1_000_000L);
          if (checkpoint(c, "PASSIVE").frames() >= restartFrames) {
            restart(c);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          // The writers' WAL grows meanwhile; SQLite still checkpoints when the last connection closes.
          LOG.warn("WAL checkpoint failed, retrying in 1 s: {}", e.toString());
          LockSupport.parkNanos(1_000_000_000L);
        }
      }
    }
  }

  private void restart(Connection c) throws SQLException {
    lane.lock();
    try {
      if (!checkpoint(c, "RESTART").busy()) {
        restarts++;
      }
    } finally {
      lane.unlock();
    }
  }

  static Result checkpoint(Connection c, String mode) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      rs.next();
      return new Result(rs.getInt(1) != 0, rs.getLong(2));
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
