package dev.switchboard.store;

import dev.switchboard.core.account.Action;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** DTMF actions of accounts. */
public interface ActionDao {
  @SqlQuery("INSERT INTO account_actions (account_id, key, code, created_at, updated_at)"
      + " VALUES (:accountId, :key, :code, :now, :now) RETURNING id")
  long insert(@Bind("accountId") long accountId, @Bind("key") String key, @Bind("code") String code,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE account_actions SET key = :key, code = :code, updated_at = :now WHERE id = :id")
  int update(@Bind("id") long id, @Bind("key") String key, @Bind("code") String code, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM account_actions WHERE id = :id")
  int delete(@Bind("id") long id);

  @SqlQuery("SELECT * FROM account_actions WHERE id = :id AND account_id = :accountId")
  Optional<Action> find(@Bind("accountId") long accountId, @Bind("id") long id);

  String ACTIONS_OF = "SELECT * FROM account_actions WHERE account_id = :accountId ORDER BY key";

  @SqlQuery(ACTIONS_OF)
  List<Action> actionsOf(@Bind("accountId") long accountId);
}
