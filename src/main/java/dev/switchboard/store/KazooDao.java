package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What Kazoo keeps beyond the core rows: login digests, user and account documents, API keys, revoked tokens. */
public interface KazooDao {
  /** The Kazoo side of a domain. */
  record AccountRow(long domainId, String name, String normalizedName, Long parentId, String document, long revision) {}

  /** The Kazoo side of an account. */
  record UserRow(long accountId, String login, String document, long revision) {}

  // Login digests

  @SqlUpdate("DELETE FROM kazoo_credentials WHERE account_id = :accountId")
  int deleteCredentials(@Bind("accountId") long accountId);

  /** Run by {@link FastWrites#insertKazooCredentials}. */
  String INSERT_CREDENTIALS =
      "INSERT INTO kazoo_credentials (account_id, md5, sha1, updated_at) VALUES (:accountId, :md5, :sha1, :now)";

  /**
   * The ids of the accounts with a digest, the digest's column name to follow. The digests' indexes
   * are led by the block of 4,096 account ids (migration V14), so the lookup seeks the digest in each
   * block: 245 seeks at a million accounts. CROSS JOIN makes SQLite loop over the blocks outside,
   * which it otherwise may not (a scan of the whole index).
   */
  String IDS_BY_DIGEST = "WITH RECURSIVE block(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM block"
      + " WHERE n < (SELECT MAX(account_id) / 4096 FROM kazoo_credentials))"
      + " SELECT k.account_id FROM block CROSS JOIN kazoo_credentials k"
      + " WHERE (k.account_id / 4096) = block.n AND k.";

  /** The + keeps SQLite from scanning the domain's accounts for ids in the list instead of the reverse. */
  String BY_MD5 =
      AccountDao.SELECT + "WHERE a.id IN (" + IDS_BY_DIGEST + "md5 = :digest) AND +a.domain_id = :domainId";

  String BY_SHA1 =
      AccountDao.SELECT + "WHERE a.id IN (" + IDS_BY_DIGEST + "sha1 = :digest) AND +a.domain_id = :domainId";

  @SqlQuery(BY_MD5)
  List<Account> byMd5(@Bind("domainId") long domainId, @Bind("digest") String digest);

  @SqlQuery(BY_SHA1)
  List<Account> bySha1(@Bind("domainId") long domainId, @Bind("digest") String digest);

  // Users

  @SqlQuery("SELECT * FROM kazoo_users WHERE account_id = :accountId")
  Optional<UserRow> user(@Bind("accountId") long accountId);

  @SqlQuery("SELECT login FROM kazoo_users WHERE account_id = :accountId AND login IS NOT NULL")
  Optional<String> login(@Bind("accountId") long accountId);

  @SqlUpdate("DELETE FROM kazoo_users WHERE account_id = :accountId")
  int deleteUser(@Bind("accountId") long accountId);

  @SqlUpdate("INSERT INTO kazoo_users (account_id, login, document, revision, updated_at)"
      + " VALUES (:accountId, :login, :document, :revision, :now)")
  int insertUser(@Bind("accountId") long accountId, @Bind("login") String login, @Bind("document") String document,
      @Bind("revision") long revision, @Bind("now") Instant now);

  @SqlQuery(AccountDao.SELECT + "WHERE a.domain_id = :domainId ORDER BY a.uuid")
  List<Account> accountsOf(@Bind("domainId") long domainId);

  @SqlQuery(AccountDao.SELECT + "WHERE a.uuid = :uuid")
  Optional<Account> accountByUuid(@Bind("uuid") String uuid);

  /** Accounts of the domain whose Kazoo login (or, without one, SIP username) is {@code login}, lower-cased. */
  @SqlQuery("SELECT a.id FROM accounts a LEFT JOIN kazoo_users u ON u.account_id = a.id WHERE a.domain_id = :domainId"
      + " AND LOWER(COALESCE(u.login, a.username)) = :login")
  List<Long> byLogin(@Bind("domainId") long domainId, @Bind("login") String login);

  // Accounts

  @SqlQuery("SELECT * FROM kazoo_accounts WHERE domain_id = :domainId")
  Optional<AccountRow> account(@Bind("domainId") long domainId);

  @SqlQuery("SELECT domain_id FROM kazoo_accounts WHERE normalized_name = :normalized")
  List<Long> byNormalizedName(@Bind("normalized") String normalized);

  @SqlQuery("SELECT domain_id FROM kazoo_accounts WHERE parent_id = :domainId ORDER BY domain_id")
  List<Long> children(@Bind("domainId") long domainId);

  @SqlUpdate("DELETE FROM kazoo_accounts WHERE domain_id = :domainId")
  int deleteAccount(@Bind("domainId") long domainId);

  @SqlUpdate("INSERT INTO kazoo_accounts (domain_id, name, normalized_name, parent_id, document, revision, updated_at)"
      + " VALUES (:domainId, :name, :normalized, :parentId, :document, :revision, :now)")
  int insertAccount(@Bind("domainId") long domainId, @Bind("name") String name, @Bind("normalized") String normalized,
      @Bind("parentId") Long parentId, @Bind("document") String document, @Bind("revision") long revision,
      @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM domains WHERE uuid = :uuid")
  Optional<dev.switchboard.core.domain.Domain> domainByUuid(@Bind("uuid") String uuid);

  @SqlQuery("SELECT * FROM domains WHERE id = :id")
  Optional<dev.switchboard.core.domain.Domain> domainById(@Bind("id") long id);

  @SqlUpdate("UPDATE domains SET name = :name, updated_at = :now WHERE id = :id")
  int renameDomain(@Bind("id") long id, @Bind("name") String name, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM domains WHERE id = :id")
  int deleteDomain(@Bind("id") long id);

  @SqlUpdate("DELETE FROM accounts WHERE domain_id = :domainId")
  int deleteAccountsOf(@Bind("domainId") long domainId);

  @SqlUpdate("DELETE FROM devices WHERE domain_id = :domainId")
  int deleteDevicesOf(@Bind("domainId") long domainId);

  // API keys

  @SqlQuery("SELECT domain_id FROM kazoo_api_keys WHERE key_hash = :hash")
  Optional<Long> domainOfApiKey(@Bind("hash") String hash);

  @SqlQuery("SELECT k.key_hash FROM kazoo_api_keys k JOIN domains d ON d.id = k.domain_id WHERE d.uuid = :uuid")
  Optional<String> apiKeyHashOf(@Bind("uuid") String domainUuid);

  @SqlQuery("SELECT ciphertext FROM kazoo_api_keys WHERE domain_id = :domainId")
  Optional<String> sealedApiKey(@Bind("domainId") long domainId);

  @SqlUpdate("DELETE FROM kazoo_api_keys WHERE domain_id = :domainId")
  int deleteApiKey(@Bind("domainId") long domainId);

  @SqlUpdate("INSERT INTO kazoo_api_keys (domain_id, key_hash, ciphertext, created_at) VALUES (:domainId, :hash,"
      + " :ciphertext, :now)")
  int insertApiKey(@Bind("domainId") long domainId, @Bind("hash") String hash, @Bind("ciphertext") String ciphertext,
      @Bind("now") Instant now);

  // Revoked tokens

  @SqlUpdate("INSERT INTO kazoo_revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)")
  int revoke(@Bind("jti") String jti, @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("SELECT COUNT(*) FROM kazoo_revoked_tokens WHERE jti = :jti")
  int isRevoked(@Bind("jti") String jti);

  @SqlUpdate("DELETE FROM kazoo_revoked_tokens WHERE expires_at < :now")
  int purgeRevoked(@Bind("now") Instant now);
}
