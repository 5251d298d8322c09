package dev.switchboard.store;

import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.BindingChanges;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The Kamailio-layout `location` table, in plain JDBC: the registrar writes it on every REGISTER,
 * so it skips JDBI's per-statement configuration copy. Times are UTC: TIMESTAMP WITHOUT TIME ZONE
 * on PostgreSQL (as Kamailio, run with TZ=UTC, writes them), epoch milliseconds on SQLite.
 */
public final class LocationStore {
  private static final String COLUMNS = "ruid, username, domain, contact, received, path, expires, q, callid, cseq,"
      + " last_modified, user_agent, socket, instance, reg_id, connection_id";
  private static final String INSERT = "INSERT INTO location (" + COLUMNS
      + ", flags, cflags, methods, server_id, keepalive, partition) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,NULL,0,0,0)";
  private static final String UPDATE = "UPDATE location SET contact = ?, received = ?, path = ?, expires = ?, q = ?,"
      + " callid = ?, cseq = ?, last_modified = ?, user_agent = ?, socket = ?, instance = ?, reg_id = ?,"
      + " connection_id = ? WHERE ruid = ?";
  private static final String OF_AOR = "SELECT " + COLUMNS + " FROM location WHERE username = ? AND domain = ?";

  private final DataSource pool;
  private final Dialect dialect;
  /**
   * SQLite's write lane of {@link Database} (null on PostgreSQL): writers queue on it, not in SQLite's
   * busy handler; taking it commits the lane's open transaction, which holds SQLite's write lock.
   */
  private final WriteLane writeLane;

  LocationStore(DataSource pool, Dialect dialect, WriteLane writeLane) {
    this.pool = pool;
    this.dialect = dialect;
    this.writeLane = writeLane;
  }

  private void lock() {
    if (writeLane != null) {
      writeLane.lock();
    }
  }

  private void unlock() {
    if (writeLane != null) {
      writeLane.unlock();
    }
  }

  /** The live bindings of username@domain, newest first. */
  public List<Binding> live(String username, String domain, Instant now) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(OF_AOR + " AND expires > ? ORDER BY last_modified DESC, id DESC")) {
      ps.setString(1, username);
      ps.setString(2, domain);
      setTime(ps, 3, now);
      return list(ps);
    } catch (SQLException e) {
      throw new IllegalStateException("reading location failed", e);
    }
  }

  /** Which of these usernames have a live binding in domain. */
  public Set<String> registered(String domain, Set<String> usernames, Instant now) {
    Set<String> out = new HashSet<>();
    if (usernames.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(usernames.size(), "?"));
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT username FROM location WHERE domain = ? AND expires > ? AND username IN (" + marks + ")")) {
      ps.setString(1, domain);
      setTime(ps, 2, now);
      int i = 3;
      for (String u : usernames) {
        ps.setString(i++, u);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading location failed", e);
    }
  }

  /**
   * Deletes the live binding of username@domain whose ruid or instance is {@code id}; the instance
   * matches with or without the angle brackets Kamailio stores it in. False when none matched.
   */
  public boolean remove(String username, String domain, String id, Instant now) {
    lock();
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
        "DELETE FROM location WHERE username = ? AND domain = ? AND expires > ? AND (ruid = ? OR instance = ? OR instance = ?)")) {
      ps.setString(1, username);
      ps.setString(2, domain);
      setTime(ps, 3, now);
      ps.setString(4, id);
      ps.setString(5, id);
      ps.setString(6, "<" + id + ">");
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("deleting from location failed", e);
    } finally {
      unlock();
    }
  }

  /** Deletes every row of username@domain, expired or not. */
  public int removeAll(String username, String domain) {
    lock();
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM location WHERE username = ? AND domain = ?")) {
      ps.setString(1, username);
      ps.setString(2, domain);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("deleting from location failed", e);
    } finally {
      unlock();
    }
  }

  public int deleteExpired(Instant now) {
    lock();
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM location WHERE expires <= ?")) {
      setTime(ps, 1, now);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("sweeping location failed", e);
    } finally {
      unlock();
    }
  }

  /**
   * Reads every row of username@domain (expired ones too), lets {@code rule} decide, and applies
   * its changes: a single statement (the common refresh of one binding) on its own, several in one
   * transaction, so a REGISTER never leaves half its changes. Like Kamailio's usrloc in db_mode 3,
   * this takes no lock: two REGISTERs of one AOR at the same instant (two phones of one user, two
   * instances) each see the rows before the other's write; the worst outcome is one binding over
   * max_contacts until the next REGISTER of that AOR, never a lost or half-written one.
   */
  public <T> T update(String username, String domain, Function<List<Binding>, Change<T>> rule) {
    lock();
    try (Connection c = pool.getConnection()) {
      List<Binding> rows;
      try (PreparedStatement ps = c.prepareStatement(OF_AOR + " ORDER BY last_modified DESC, id DESC")) {
        ps.setString(1, username);
        ps.setString(2, domain);
        rows = list(ps);
      }
      Change<T> change = rule.apply(rows);
      BindingChanges changes = change.changes();
      int statements = (changes.removed().isEmpty() ? 0 : 1) + changes.written().size();
      if (statements <= 1) {
        apply(c, rows, changes);
        return change.result();
      }
      c.setAutoCommit(false);
      try {
        apply(c, rows, changes);
        c.commit();
        return change.result();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("writing location failed", e);
    } finally {
      unlock();
    }
  }

  /** The rows to change and what to answer once they are committed. */
  public record Change<T>(BindingChanges changes, T result) {}

  private void apply(Connection c, List<Binding> existing, BindingChanges changes) throws SQLException {
    if (!changes.removed().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM location WHERE ruid = ?")) {
        for (String ruid : changes.removed()) {
          ps.setString(1, ruid);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    Set<String> known = new HashSet<>();
    existing.forEach(b -> known.add(b.ruid()));
    for (Binding b : changes.written()) {
      if (known.contains(b.ruid())) {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
          ps.setString(1, b.contact());
          ps.setString(2, b.received());
          ps.setString(3, b.path());
          setTime(ps, 4, b.expires());
          ps.setFloat(5, b.q());
          ps.setString(6, b.callId());
          ps.setInt(7, b.cseq());
          setTime(ps, 8, b.lastModified());
          ps.setString(9, b.userAgent());
          ps.setString(10, b.socket());
          ps.setString(11, b.instance());
          ps.setInt(12, b.regId());
          ps.setInt(13, changes.connectionId());
          ps.setString(14, b.ruid());
          ps.executeUpdate();
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          ps.setString(1, b.ruid());
          ps.setString(2, b.username());
          ps.setString(3, b.domain());
          ps.setString(4, b.contact());
          ps.setString(5, b.received());
          ps.setString(6, b.path());
          setTime(ps, 7, b.expires());
          ps.setFloat(8, b.q());
          ps.setString(9, b.callId());
          ps.setInt(10, b.cseq());
          setTime(ps, 11, b.lastModified());
          ps.setString(12, b.userAgent());
          ps.setString(13, b.socket());
          ps.setString(14, b.instance());
          ps.setInt(15, b.regId());
          ps.setInt(16, changes.connectionId());
          ps.executeUpdate();
        }
      }
    }
  }

  private List<Binding> list(PreparedStatement ps) throws SQLException {
    List<Binding> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Binding(rs.getString("ruid"), rs.getString("username"), rs.getString("domain"),
            rs.getString("contact"), rs.getString("received"), rs.getString("path"), time(rs, "expires"),
            rs.getFloat("q"), rs.getString("callid"), rs.getInt("cseq"), rs.getString("user_agent"),
            rs.getString("socket"), rs.getString("instance"), rs.getInt("reg_id"), time(rs, "last_modified")));
      }
    }
    return out;
  }

  private void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      ps.setObject(i, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    } else {
      ps.setLong(i, t.toEpochMilli());
    }
  }

  private Instant time(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      LocalDateTime t = rs.getObject(column, LocalDateTime.class);
      return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
    return Instant.ofEpochMilli(rs.getLong(column));
  }
}
