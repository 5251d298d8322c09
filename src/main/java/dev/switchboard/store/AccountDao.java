package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The accounts table. Every read joins the domain so that an Account carries its domain name. */
public interface AccountDao {
  String SELECT = "SELECT " + Mappers.ACCOUNT_COLUMNS + " FROM accounts a JOIN domains d ON d.id = a.domain_id ";

  @SqlQuery("INSERT INTO accounts (uuid, username, domain_id, display_name, email, phone, activated, blocked, role,"
      + " dtmf_protocol, created_at, updated_at) VALUES (:uuid, :username, :domainId, :displayName, :email, :phone,"
      + " :activated, FALSE, :role, :dtmfProtocol, :now, :now) RETURNING id")
  long insert(@Bind("uuid") String uuid, @Bind("username") String username, @Bind("domainId") long domainId,
      @Bind("displayName") String displayName, @Bind("email") String email, @Bind("phone") String phone,
      @Bind("activated") boolean activated, @Bind("role") String role, @Bind("dtmfProtocol") String dtmfProtocol,
      @Bind("now") Instant now);

  @SqlQuery(SELECT + "WHERE a.id = :id")
  Optional<Account> findById(@Bind("id") long id);

  @SqlQuery(SELECT + "WHERE a.username = :username AND d.name = :domain")
  Optional<Account> findBySip(@Bind("username") String username, @Bind("domain") String domain);

  @SqlQuery(SELECT + "WHERE a.email = :email ORDER BY a.id LIMIT 2")
  java.util.List<Account> findByEmail(@Bind("email") String email);

  @SqlUpdate("UPDATE accounts SET role = :role, updated_at = :now WHERE id = :id")
  int updateRole(@Bind("id") long id, @Bind("role") String role, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET activated = :activated, updated_at = :now WHERE id = :id")
  int updateActivated(@Bind("id") long id, @Bind("activated") boolean activated, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET blocked = :blocked, updated_at = :now WHERE id = :id")
  int updateBlocked(@Bind("id") long id, @Bind("blocked") boolean blocked, @Bind("now") Instant now);
}
