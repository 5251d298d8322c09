package dev.switchboard.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox: deliveries committed with the change that caused them, sent by a worker with retries. */
public interface OutboxDao {
  /** A delivery to make. */
  record Row(long id, String channel, String recipient, String template, String model, int attempts) {}

  @SqlUpdate("INSERT INTO outbox (channel, recipient, template, model, status, attempts, next_attempt_at, created_at)"
      + " VALUES (:channel, :recipient, :template, :model, 'pending', 0, :now, :now)")
  int insert(@Bind("channel") String channel, @Bind("recipient") String recipient, @Bind("template") String template,
      @Bind("model") String model, @Bind("now") Instant now);

  @SqlQuery("SELECT id, channel, recipient, template, model, attempts FROM outbox"
      + " WHERE status = 'pending' AND next_attempt_at <= :now AND (locked_until IS NULL OR locked_until < :now)"
      + " ORDER BY id LIMIT :limit")
  List<Row> due(@Bind("now") Instant now, @Bind("limit") int limit);

  /** Takes a row for one worker until {@code lockUntil}; 0 when another instance took it first. */
  @SqlUpdate("UPDATE outbox SET locked_until = :lockUntil, attempts = attempts + 1 WHERE id = :id"
      + " AND status = 'pending' AND (locked_until IS NULL OR locked_until < :now)")
  int claim(@Bind("id") long id, @Bind("now") Instant now, @Bind("lockUntil") Instant lockUntil);

  @SqlUpdate("UPDATE outbox SET status = 'sent', sent_at = :now, locked_until = NULL, last_error = NULL WHERE id = :id")
  int sent(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate("UPDATE outbox SET locked_until = NULL, last_error = :error, next_attempt_at = :next WHERE id = :id")
  int retryLater(@Bind("id") long id, @Bind("error") String error, @Bind("next") Instant next);

  @SqlUpdate("UPDATE outbox SET status = 'failed', locked_until = NULL, last_error = :error WHERE id = :id")
  int failed(@Bind("id") long id, @Bind("error") String error);

  @SqlUpdate("DELETE FROM outbox WHERE status = 'sent' AND sent_at < :before")
  int purgeSent(@Bind("before") Instant before);
}
