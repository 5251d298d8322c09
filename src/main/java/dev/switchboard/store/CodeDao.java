package dev.switchboard.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One-time codes sent to people (email change, phone change, recovery): the newest live one counts. */
public interface CodeDao {
  /** A code waiting to be used. */
  record Code(long id, long accountId, String purpose, String value, String codeHash, int attempts, Instant expiresAt) {}

  @SqlUpdate("UPDATE account_codes SET used_at = :now WHERE account_id = :accountId AND purpose = :purpose AND used_at IS NULL")
  int retire(@Bind("accountId") long accountId, @Bind("purpose") String purpose, @Bind("now") Instant now);

  @SqlUpdate("INSERT INTO account_codes (account_id, purpose, value, code_hash, attempts, expires_at, created_at)"
      + " VALUES (:accountId, :purpose, :value, :codeHash, 0, :expiresAt, :now)")
  int insert(@Bind("accountId") long accountId, @Bind("purpose") String purpose, @Bind("value") String value,
      @Bind("codeHash") String codeHash, @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

  @SqlQuery("SELECT id, account_id, purpose, value, code_hash, attempts, expires_at FROM account_codes"
      + " WHERE account_id = :accountId AND purpose = :purpose AND used_at IS NULL AND expires_at > :now"
      + " ORDER BY id DESC LIMIT 1")
  Optional<Code> live(@Bind("accountId") long accountId, @Bind("purpose") String purpose, @Bind("now") Instant now);

  @SqlUpdate("UPDATE account_codes SET attempts = attempts + 1 WHERE id = :id")
  int countAttempt(@Bind("id") long id);

  @SqlUpdate("UPDATE account_codes SET used_at = :now WHERE id = :id AND used_at IS NULL")
  int use(@Bind("id") long id, @Bind("now") Instant now);
}
