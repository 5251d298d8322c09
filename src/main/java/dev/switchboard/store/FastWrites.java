package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.domain.Domain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The statements of an account's creation, in plain JDBC on the transaction's own connection:
 * the write counterpart of {@link FastReads}. On SQLite the whole creation runs inside the one
 * write lane, so its time there bounds the creation rate; through JDBI each statement copied the
 * whole configuration and built a statement context, which cost far more than SQLite's work. The
 * SQL is the DAOs' own constants (named parameters turned positional once); statements are
 * prepared once per physical connection and kept across transactions ({@link PreparedStatements}).
 *
 * <p>Inside {@link Database#tx} every call runs in that transaction; outside one (a plain read),
 * each call takes a pooled connection and commits on its own.
 */
public final class FastWrites {
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connection connection;
  private final Jdbi jdbi;
  private final Changes changes;

  private FastWrites(Connection connection, Jdbi jdbi, Changes changes) {
    this.connection = connection;
    this.jdbi = jdbi;
    this.changes = changes;
  }

  /** On a transaction's connection. */
  static FastWrites on(Connection connection, Changes changes) {
    return new FastWrites(connection, null, changes);
  }

  Changes changes() {
    return changes;
  }

  /** Without a transaction: each call on a pooled connection of its own. */
  static FastWrites onDemand(Jdbi jdbi, Changes changes) {
    return new FastWrites(null, jdbi, changes);
  }

  public Optional<Domain> domainByName(String name) {
    return one(DomainDao.BY_NAME, Mappers::domain, "name", name);
  }

  /** See {@link DirectoryDao#SIP_ADDRESS_HOLDERS}. */
  public long sipAddressHolders(String username, String domain, long exceptAccount, long exceptDevice) {
    return one(DirectoryDao.SIP_ADDRESS_HOLDERS, rs -> rs.getLong(1), "username", username, "domain", domain,
        "exceptAccount", exceptAccount, "exceptDevice", exceptDevice).orElseThrow();
  }

  /**
   * Inserts an account row and returns it as a read would (a read-back was a fifth of a creation's
   * time in SQLite's write lane). Times are kept to the millisecond, as SQLite stores them, so the
   * row returned equals the row read later on both databases.
   */
  public Account insertAccount(String uuid, String username, Domain domain, String displayName, String email,
      String phone, boolean activated, Role role, String dtmfProtocol, Instant now) {
    Instant stored = now.truncatedTo(ChronoUnit.MILLIS);
    long id = one(AccountDao.INSERT, rs -> rs.getLong(1), "uuid", uuid, "username", username, "domainId", domain.id(),
        "displayName", displayName, "email", email, "phone", phone, "activated", activated, "role", role.dbValue(),
        "dtmfProtocol", dtmfProtocol, "now", stored).orElseThrow();
    return new Account(id, uuid, username, domain.id(), domain.name(), displayName, email, phone, activated, false, role,
        dtmfProtocol, null, null, null, null, null, stored, stored);
  }

  public void insertPassword(long accountId, String algorithm, String ha1, String ha1b, Instant now) {
    update(PasswordDao.INSERT, "accountId", accountId, "algorithm", algorithm, "ha1", ha1, "ha1b", ha1b, "now", now);
  }

  public void insertKazooCredentials(long accountId, String md5, String sha1, Instant now) {
    update(KazooDao.INSERT_CREDENTIALS, "accountId", accountId, "md5", md5, "sha1", sha1, "now", now);
  }

  private <T> Optional<T> one(String sql, Row<T> row, Object... namesAndValues) {
    return run(c -> {
      PreparedStatement st = bound(c, sql, namesAndValues);
      // execute() rather than executeQuery(): INSERT ... RETURNING is a query on both databases,
      // and this is how JDBI ran it.
      st.execute();
      try (ResultSet rs = st.getResultSet()) {
        return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
      }
    }, sql);
  }

  private void update(String sql, Object... namesAndValues) {
    run(c -> bound(c, sql, namesAndValues).executeUpdate(), sql);
  }

  private <T> T run(Work<T> work, String sql) {
    try {
      if (connection == null) {
        return jdbi.withHandle(h -> run(h.getConnection(), work, sql));
      }
      return run(connection, work, sql);
    } finally {
      // As ChangeLogger does for JDBI's statements (these bypass it).
      changes.moved(ChangeLogger.writeOf(sql));
    }
  }

  /** Runs {@code work}; on any failure the statement is dropped, so that a broken one is never reused. */
  private static <T> T run(Connection c, Work<T> work, String sql) {
    Connection raw;
    try {
      raw = c.unwrap(Connection.class);
    } catch (SQLException e) {
      throw new IllegalStateException("no JDBC connection: " + e.getMessage(), e);
    }
    try {
      return work.run(raw);
    } catch (SQLException | RuntimeException e) {
      PreparedStatements.drop(raw, sql, e);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      // The SQLException stays the cause: Database.translate turns a unique violation into a DuplicateKeyException.
      throw new IllegalStateException("statement failed: " + e.getMessage(), e);
    }
  }

  private static PreparedStatement bound(Connection raw, String namedSql, Object... namesAndValues)
      throws SQLException {
    PreparedStatements.Prepared p = PreparedStatements.on(raw, namedSql);
    PreparedStatement st = p.statement();
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    for (int i = 0; i < p.names().size(); i++) {
      String name = p.names().get(i);
      if (!args.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      bind(st, i + 1, args.get(name));
    }
    return st;
  }

  /** Binds as JDBI does: an Instant as a Timestamp (an INTEGER of milliseconds on SQLite, date_class). */
  private static void bind(PreparedStatement st, int index, Object value) throws SQLException {
    switch (value) {
      case null -> st.setNull(index, Types.VARCHAR);
      case String s -> st.setString(index, s);
      case Long l -> st.setLong(index, l);
      case Integer n -> st.setInt(index, n);
      case Boolean b -> st.setBoolean(index, b);
      case Instant t -> st.setTimestamp(index, Timestamp.from(t));
      default -> throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
    }
  }
}
