package dev.switchboard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees the writes of other processes and moves {@link Changes}. On PostgreSQL it LISTENs to the
 * notifications the tables' triggers send (migration V12; since V13 they say what kind of write), on
 * a connection of its own. On SQLite, whose writers can only be processes on this machine, and which
 * cannot tell what they wrote, it reads {@code PRAGMA data_version} every
 * {@value #SQLITE_POLL_MS} ms on the write lane's connection: the value moves when another connection
 * commits, and this process writes through that one, so its own writes (whose soft-state part must
 * not empty the caches) do not count. While its connection is down, nothing is served from a cache.
 */
final class ChangeWatcher implements AutoCloseable {
  static final String CHANNEL = "switchboard_changes";
  static final int SQLITE_POLL_MS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

  private final String url;
  private final String user;
  private final String password;
  private final Dialect dialect;
  private final Changes changes;
  private final DataVersion sqliteVersion;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;

  /** SQLite's data_version as the write lane's connection sees it. */
  @FunctionalInterface
  interface DataVersion {
    long read() throws SQLException;
  }

  ChangeWatcher(String url, String user, String password, Dialect dialect, Changes changes, DataVersion sqliteVersion) {
    this.sqliteVersion = sqliteVersion;
    this.url = url;
    this.user = user;
    this.password = password;
    this.dialect = dialect;
    this.changes = changes;
    this.thread = Thread.ofPlatform().daemon().name("change-watcher").unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (!closed) {
      try {
        if (dialect == Dialect.POSTGRESQL) {
          try (Connection c = connect()) {
            connection = c;
            listen(c);
          }
        } else {
          poll();
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          LOG.warn("not seeing other processes' writes, caches off until reconnected: {}", e.toString());
        }
      } finally {
        changes.watched(false);
      }
      sleep(1_000);
    }
  }

  private Connection connect() throws SQLException {
    return user == null || user.isBlank() ? DriverManager.getConnection(url)
        : DriverManager.getConnection(url, user, password);
  }

  private void listen(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("LISTEN " + CHANNEL);
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    changes.watched(true);
    while (!closed) {
      PGNotification[] notes = pg.getNotifications(1_000);
      if (notes != null && notes.length > 0) {
        changes.moved(writeOf(notes));
      }
    }
  }

  /**
   * INSERT when every notification says INSERT (migration V13: the trigger's operation is the
   * payload), else REWRITE: an update, a delete, a truncate, or an empty payload (a server or a
   * schema older than V13).
   */
  static Changes.Write writeOf(PGNotification... notes) {
    for (PGNotification note : notes) {
      if (!"INSERT".equals(note.getParameter())) {
        return Changes.Write.REWRITE;
      }
    }
    return Changes.Write.INSERT;
  }

  private void poll() throws SQLException {
    long seen = sqliteVersion.read();
    changes.watched(true);
    while (!closed) {
      sleep(SQLITE_POLL_MS);
      long now = sqliteVersion.read();
      if (now != seen) {
        seen = now;
        changes.moved();
      }
    }
  }

  private void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
