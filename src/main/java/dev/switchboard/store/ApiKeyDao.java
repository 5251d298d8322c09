package dev.switchboard.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The api_keys table. Only the SHA-256 of a key is stored. */
public interface ApiKeyDao {
  /** A stored key: its account, its hash and when it was last used. */
  record Row(long id, long accountId, String keyHash, Instant lastUsedAt) {}

  /** The account of a key, with the key's id and last use (read in plain JDBC on every request). */
  String ACCOUNT_BY_HASH = "SELECT k.id AS key_id, k.last_used_at AS key_last_used_at, " + Mappers.ACCOUNT_COLUMNS
      + " FROM api_keys k JOIN accounts a ON a.id = k.account_id JOIN domains d ON d.id = a.domain_id"
      + " WHERE k.key_hash = :keyHash";

  @SqlUpdate("INSERT INTO api_keys (account_id, key_hash, created_at, last_used_at, requests)"
      + " VALUES (:accountId, :keyHash, :now, :now, 0)")
  int insert(@Bind("accountId") long accountId, @Bind("keyHash") String keyHash, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM api_keys WHERE account_id = :accountId")
  int deleteForAccount(@Bind("accountId") long accountId);

  @SqlQuery("SELECT id, account_id, key_hash, last_used_at FROM api_keys WHERE key_hash = :keyHash")
  Optional<Row> findByHash(@Bind("keyHash") String keyHash);

  /** Records the uses of many keys in one batch. */
  String TOUCH = "UPDATE api_keys SET last_used_at = :now, requests = requests + :requests WHERE id = :id";

  @SqlBatch(TOUCH)
  int[] touchAll(@Bind("id") List<Long> ids, @Bind("requests") List<Long> requests,
      @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM api_keys WHERE id = :id")
  int delete(@Bind("id") long id);
}
