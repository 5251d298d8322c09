package dev.switchboard.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The per-account dictionary: free key/value pairs an operator attaches to accounts. */
public interface DictionaryDao {
  /** One entry. */
  record Entry(String key, String value) {}

  String ENTRIES = "SELECT key, value FROM account_dictionary WHERE account_id = :accountId ORDER BY key";

  @SqlQuery(ENTRIES)
  List<Entry> entries(@Bind("accountId") long accountId);

  @SqlUpdate("DELETE FROM account_dictionary WHERE account_id = :accountId AND key = :key")
  int delete(@Bind("accountId") long accountId, @Bind("key") String key);

  @SqlUpdate("INSERT INTO account_dictionary (account_id, key, value, created_at, updated_at)"
      + " VALUES (:accountId, :key, :value, :now, :now)")
  int insert(@Bind("accountId") long accountId, @Bind("key") String key, @Bind("value") String value,
      @Bind("now") Instant now);
}
