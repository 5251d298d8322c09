package dev.switchboard.store;

import dev.switchboard.core.account.Password;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The account_passwords table: one HA1 per account and algorithm. */
public interface PasswordDao {
  @SqlUpdate("DELETE FROM account_passwords WHERE account_id = :accountId")
  int deleteAll(@Bind("accountId") long accountId);

  @SqlUpdate("DELETE FROM account_passwords WHERE account_id = :accountId AND algorithm = :algorithm")
  int delete(@Bind("accountId") long accountId, @Bind("algorithm") String algorithm);

  /** Run by {@link FastWrites#insertPassword}. */
  String INSERT = "INSERT INTO account_passwords (account_id, algorithm, ha1, ha1b, created_at)"
      + " VALUES (:accountId, :algorithm, :ha1, :ha1b, :now)";

  String LIST = "SELECT * FROM account_passwords WHERE account_id = :accountId ORDER BY algorithm";

  @SqlQuery(LIST)
  List<Password> list(@Bind("accountId") long accountId);

  @SqlQuery("SELECT * FROM account_passwords WHERE account_id = :accountId AND algorithm = :algorithm")
  Optional<Password> find(@Bind("accountId") long accountId, @Bind("algorithm") String algorithm);
}
