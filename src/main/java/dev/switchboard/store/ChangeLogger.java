package dev.switchboard.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Moves {@link Changes} after every JDBI statement that may change what a cache holds, so that no
 * write path can forget to: in autocommit, after the statement is when it committed; in a
 * transaction, {@link Database#tx} moves it again after the commit. Left out: plain SELECTs, writes to
 * the soft-state tables no cache reads ({@link #SOFT_STATE}, the same tables migration V12 leaves
 * without a change trigger) and the recording of API key uses, which no cached read depends on (see
 * ApiKeys): each would otherwise empty every cache every few seconds. A plain INSERT moves only
 * {@link Changes#version()}, not {@link Changes#rewrites()}.
 */
final class ChangeLogger implements SqlLogger {
  static final Set<String> SOFT_STATE = Set.of("digest_nonces", "location", "outbox", "hermes_sessions",
      "kazoo_revoked_tokens", "statistics_calls", "statistics_call_devices", "statistics_messages",
      "statistics_message_devices", "version");
  private static final Pattern TARGET = Pattern.compile(
      "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

  private static final Pattern UPSERT = Pattern.compile("\\bON\\s+CONFLICT\\b", Pattern.CASE_INSENSITIVE);

  /** By raw SQL text: the statements are the DAOs' constants, so there are few. */
  private static final Map<String, Changes.Write> VERDICTS = new ConcurrentHashMap<>();

  private final Changes changes;

  ChangeLogger(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    String sql = context.getRawSql();
    changes.moved(sql == null ? Changes.Write.REWRITE : writeOf(sql));
  }

  @Override
  public void logException(StatementContext context, java.sql.SQLException ex) {
    logAfterExecution(context);
  }

  /**
   * NONE for a plain SELECT (a WITH may hold an INSERT), a soft-state write or a key's use; INSERT for
   * an INSERT INTO without ON CONFLICT (INSERT OR REPLACE and the like do not match); else REWRITE.
   */
  static Changes.Write writeOf(String sql) {
    return VERDICTS.computeIfAbsent(sql, ChangeLogger::judge);
  }

  private static Changes.Write judge(String sql) {
    if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6) || sql.equals(ApiKeyDao.TOUCH)) {
      return Changes.Write.NONE;
    }
    Matcher m = TARGET.matcher(sql);
    if (!m.find()) {
      return Changes.Write.REWRITE;
    }
    if (SOFT_STATE.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
      return Changes.Write.NONE;
    }
    boolean insert = m.group().stripLeading().regionMatches(true, 0, "INSERT", 0, 6);
    return insert && !UPSERT.matcher(sql).find() ? Changes.Write.INSERT : Changes.Write.REWRITE;
  }
}
