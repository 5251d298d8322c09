package dev.switchboard.store;

import java.util.Set;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Moves {@link Changes} after every JDBI statement that may write, so that no write path can forget
 * to: in autocommit, after the statement is when it committed; in a transaction, {@link Database#tx}
 * moves it again after the commit. Writes to the digest nonces are left out: no cache holds them, and
 * each digest login writes twice.
 */
final class ChangeLogger implements SqlLogger {
  private static final Set<String> UNCACHED = Set.of(NonceDao.INSERT, NonceDao.ADVANCE, NonceDao.DELETE_EXPIRED);

  private final Changes changes;

  ChangeLogger(Changes changes) {
    this.changes = changes;
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    if (mayWrite(context.getRawSql())) {
      changes.moved();
    }
  }

  @Override
  public void logException(StatementContext context, java.sql.SQLException ex) {
    logAfterExecution(context);
  }

  /** Anything but a plain SELECT (a WITH may hold an INSERT) and the nonce statements. */
  static boolean mayWrite(String sql) {
    if (sql == null) {
      return true;
    }
    return !UNCACHED.contains(sql) && !sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
  }
}
