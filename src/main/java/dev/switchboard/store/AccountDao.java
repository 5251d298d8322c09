package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The accounts table. Every read joins the domain so that an Account carries its domain name. */
public interface AccountDao {
  String SELECT = "SELECT " + Mappers.ACCOUNT_COLUMNS + " FROM accounts a JOIN domains d ON d.id = a.domain_id ";

  /** Run by {@link FastWrites#insertAccount}. */
  String INSERT = "INSERT INTO accounts (uuid, username, domain_id, display_name, email, phone, activated, blocked,"
      + " role, dtmf_protocol, created_at, updated_at) VALUES (:uuid, :username, :domainId, :displayName, :email,"
      + " :phone, :activated, FALSE, :role, :dtmfProtocol, :now, :now) RETURNING id";

  String BY_ID = SELECT + "WHERE a.id = :id";
  String BY_SIP = SELECT + "WHERE a.username = :username AND d.name = :domain";

  @SqlQuery(BY_ID)
  Optional<Account> findById(@Bind("id") long id);

  @SqlQuery(BY_SIP)
  Optional<Account> findBySip(@Bind("username") String username, @Bind("domain") String domain);

  String BY_EMAIL = SELECT + "WHERE a.email = :email ORDER BY a.id LIMIT 2";

  String BY_PHONE = SELECT + "WHERE a.phone = :phone ORDER BY a.id LIMIT 2";

  @SqlQuery(BY_EMAIL)
  List<Account> findByEmail(@Bind("email") String email);

  @SqlQuery(BY_PHONE)
  List<Account> findByPhone(@Bind("phone") String phone);

  @SqlQuery(SELECT + "WHERE a.provisioning_token_hash = :hash")
  Optional<Account> findByProvisioningToken(@Bind("hash") String hash);

  String COUNT_EMAIL = "SELECT COUNT(*) FROM accounts WHERE email = :email AND id <> :excludeId";

  @SqlQuery(COUNT_EMAIL)
  int countEmail(@Bind("email") String email, @Bind("excludeId") long excludeId);

  @SqlQuery(SELECT + "ORDER BY a.id LIMIT :limit OFFSET :offset")
  List<Account> list(@Bind("limit") int limit, @Bind("offset") long offset);

  @SqlQuery("SELECT COUNT(*) FROM accounts")
  long count();

  @SqlQuery(SELECT + "WHERE a.domain_id = :domainId ORDER BY a.id LIMIT :limit OFFSET :offset")
  List<Account> listInDomain(@Bind("domainId") long domainId, @Bind("limit") int limit, @Bind("offset") long offset);

  @SqlQuery("SELECT COUNT(*) FROM accounts WHERE domain_id = :domainId")
  long countInDomain(@Bind("domainId") long domainId);

  @SqlUpdate("UPDATE accounts SET username = :username, display_name = :displayName, email = :email, phone = :phone,"
      + " dtmf_protocol = :dtmfProtocol, role = :role, updated_at = :now WHERE id = :id")
  int updateProfile(@Bind("id") long id, @Bind("username") String username, @Bind("displayName") String displayName,
      @Bind("email") String email, @Bind("phone") String phone, @Bind("dtmfProtocol") String dtmfProtocol,
      @Bind("role") String role, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET role = :role, updated_at = :now WHERE id = :id")
  int updateRole(@Bind("id") long id, @Bind("role") String role, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET activated = :activated, updated_at = :now WHERE id = :id")
  int updateActivated(@Bind("id") long id, @Bind("activated") boolean activated, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET blocked = :blocked, updated_at = :now WHERE id = :id")
  int updateBlocked(@Bind("id") long id, @Bind("blocked") boolean blocked, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET email = :email, updated_at = :now WHERE id = :id")
  int updateEmail(@Bind("id") long id, @Bind("email") String email, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET phone = :phone, activated = TRUE, updated_at = :now WHERE id = :id")
  int updatePhoneAndActivate(@Bind("id") long id, @Bind("phone") String phone, @Bind("now") Instant now);

  /** Every account of a local domain, for the phone directory's in-memory index. */
  @SqlQuery(SELECT + "WHERE d.local = TRUE ORDER BY a.id")
  List<Account> allLocal();

  @SqlQuery(SELECT + "WHERE a.uuid = :uuid")
  Optional<Account> findByUuid(@Bind("uuid") String uuid);


  @SqlUpdate("UPDATE accounts SET provisioning_token_hash = :hash, provisioning_token_expires_at = :expiresAt,"
      + " updated_at = :now WHERE id = :id")
  int setProvisioningToken(@Bind("id") long id, @Bind("hash") String hash, @Bind("expiresAt") Instant expiresAt,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET confirmation_key_hash = :hash, confirmation_key_expires_at = :expiresAt,"
      + " updated_at = :now WHERE id = :id")
  int setConfirmationKey(@Bind("id") long id, @Bind("hash") String hash, @Bind("expiresAt") Instant expiresAt,
      @Bind("now") Instant now);

  /** Activates with the confirmation key: 0 rows when the key was used meanwhile. */
  @SqlUpdate("UPDATE accounts SET activated = TRUE, confirmation_key_hash = NULL, confirmation_key_expires_at = NULL,"
      + " updated_at = :now WHERE id = :id AND confirmation_key_hash = :hash")
  int activateWithKey(@Bind("id") long id, @Bind("hash") String hash, @Bind("now") Instant now);

  /** Consumes a provisioning token and activates the account: 0 rows when it was used meanwhile. */
  @SqlUpdate("UPDATE accounts SET provisioning_token_hash = NULL, provisioning_token_expires_at = NULL,"
      + " activated = TRUE, updated_at = :now WHERE id = :id AND provisioning_token_hash = :hash")
  int consumeProvisioningToken(@Bind("id") long id, @Bind("hash") String hash, @Bind("now") Instant now);

  @SqlUpdate("UPDATE accounts SET user_agent = :userAgent WHERE id = :id")
  int updateUserAgent(@Bind("id") long id, @Bind("userAgent") String userAgent);

  @SqlUpdate("DELETE FROM accounts WHERE id = :id")
  int delete(@Bind("id") long id);
}
