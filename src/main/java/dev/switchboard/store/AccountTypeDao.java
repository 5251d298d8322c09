package dev.switchboard.store;

import dev.switchboard.core.account.AccountType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Account types and which accounts have them. */
public interface AccountTypeDao {
  @SqlQuery("INSERT INTO account_types (key, created_at, updated_at) VALUES (:key, :now, :now) RETURNING id")
  long insert(@Bind("key") String key, @Bind("now") Instant now);

  @SqlUpdate("UPDATE account_types SET key = :key, updated_at = :now WHERE id = :id")
  int update(@Bind("id") long id, @Bind("key") String key, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM account_types WHERE id = :id")
  int delete(@Bind("id") long id);

  @SqlQuery("SELECT * FROM account_types WHERE id = :id")
  Optional<AccountType> find(@Bind("id") long id);

  @SqlQuery("SELECT * FROM account_types WHERE key = :key")
  Optional<AccountType> findByKey(@Bind("key") String key);

  @SqlQuery("SELECT * FROM account_types ORDER BY key")
  List<AccountType> list();

  String TYPES_OF = "SELECT t.* FROM account_types t JOIN account_account_types at ON at.type_id = t.id"
      + " WHERE at.account_id = :accountId ORDER BY t.key";

  @SqlQuery(TYPES_OF)
  List<AccountType> typesOf(@Bind("accountId") long accountId);

  @SqlQuery("SELECT COUNT(*) FROM account_account_types WHERE account_id = :accountId AND type_id = :typeId")
  int has(@Bind("accountId") long accountId, @Bind("typeId") long typeId);

  @SqlUpdate("INSERT INTO account_account_types (account_id, type_id) VALUES (:accountId, :typeId)")
  int attach(@Bind("accountId") long accountId, @Bind("typeId") long typeId);

  @SqlUpdate("DELETE FROM account_account_types WHERE account_id = :accountId AND type_id = :typeId")
  int detach(@Bind("accountId") long accountId, @Bind("typeId") long typeId);
}
