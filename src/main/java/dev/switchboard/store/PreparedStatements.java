package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-JDBC statements of {@link FastReads} and {@link FastWrites}: the DAOs' named SQL turned
 * positional once, and prepared once per physical connection, kept across pool checkouts (preparing,
 * on SQLite parsing and planning the SQL, cost as much as running these queries). Only the thread that
 * has the connection checked out touches its map; an entry goes when the pool drops the connection and
 * it is collected.
 */
final class PreparedStatements {
  private static final Pattern NAMED = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

  /** A statement ready to bind, with its parameters' names in order. */
  record Prepared(PreparedStatement statement, List<String> names) {}

  private record Positional(String sql, List<String> names) {}

  private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();
  private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION = new WeakHashMap<>();

  private PreparedStatements() {}

  /** {@code namedSql} prepared on the physical connection {@code raw}. */
  static Prepared on(Connection raw, String namedSql) throws SQLException {
    Positional p = POSITIONAL.computeIfAbsent(namedSql, PreparedStatements::positional);
    Map<String, PreparedStatement> cache = of(raw);
    PreparedStatement st = cache.get(p.sql());
    if (st == null) {
      st = raw.prepareStatement(p.sql());
      cache.put(p.sql(), st);
    }
    return new Prepared(st, p.names());
  }

  /** Closes and forgets the statement after {@code failure}, so that a broken one is never reused. */
  static void drop(Connection raw, String namedSql, Exception failure) {
    Positional p = POSITIONAL.get(namedSql);
    PreparedStatement st = p == null ? null : of(raw).remove(p.sql());
    if (st != null) {
      try {
        st.close();
      } catch (SQLException closing) {
        failure.addSuppressed(closing);
      }
    }
  }

  private static Map<String, PreparedStatement> of(Connection raw) {
    synchronized (BY_CONNECTION) {
      return BY_CONNECTION.computeIfAbsent(raw, k -> new HashMap<>());
    }
  }

  private static Positional positional(String namedSql) {
    List<String> names = new ArrayList<>();
    Matcher m = NAMED.matcher(namedSql);
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    return new Positional(sql.toString(), List.copyOf(names));
  }
}
