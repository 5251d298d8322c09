package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.LineSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Hermes' own data: line settings on accounts, encrypted secrets, keys, grants and sessions. */
public interface HermesDao {
  /** A host-bound API key. */
  record Key(long id, String keyHash, String keyPrefix, String host, int access, Instant createdAt) {}

  /** An access grant to an account. */
  record Grant(long accountId, int access) {}

  /** A session with its current (and previous, for a short grace) auth key. */
  record Session(String name, Long accountId, Long keyId, int access, String domain, String authKeyHash,
      Instant authKeyExpiresAt, String previousKeyHash, Instant previousKeyUntil, Instant lastSeenAt,
      Instant expiresAt) {}

  // Line settings

  @SqlQuery("SELECT remote, api_only, authid, registrar, r_port, proxy, p_port, dialplan, linetext, rpid,"
      + " permittedcalls FROM accounts WHERE id = :id")
  Optional<LineSettings> lineSettings(@Bind("id") long id);

  @SqlUpdate("UPDATE accounts SET remote = :remote, api_only = :apiOnly, authid = :authid, registrar = :registrar,"
      + " r_port = :rPort, proxy = :proxy, p_port = :pPort, dialplan = :dialplan, linetext = :linetext, rpid = :rpid,"
      + " permittedcalls = :permittedcalls, updated_at = :now WHERE id = :id")
  int setLineSettings(@Bind("id") long id, @Bind("remote") boolean remote, @Bind("apiOnly") boolean apiOnly,
      @Bind("authid") String authid, @Bind("registrar") String registrar, @Bind("rPort") Integer rPort,
      @Bind("proxy") String proxy, @Bind("pPort") Integer pPort, @Bind("dialplan") String dialplan,
      @Bind("linetext") String linetext, @Bind("rpid") String rpid, @Bind("permittedcalls") String permittedcalls,
      @Bind("now") Instant now);

  /** Accounts whose user@domain matches a LIKE pattern (lowercase), in order, at most {@code limit}. */
  @SqlQuery(AccountDao.SELECT + "WHERE LOWER(a.username || '@' || d.name) LIKE :pattern ESCAPE '!'"
      + " ORDER BY d.name, a.username LIMIT :limit")
  List<Account> search(@Bind("pattern") String pattern, @Bind("limit") int limit);

  @SqlQuery(AccountDao.SELECT + "WHERE LOWER(a.username || '@' || d.name) LIKE :pattern ESCAPE '!'"
      + " AND d.name = :domain ORDER BY a.username LIMIT :limit")
  List<Account> searchInDomain(@Bind("pattern") String pattern, @Bind("domain") String domain, @Bind("limit") int limit);

  // Secrets

  @SqlUpdate("DELETE FROM secrets WHERE account_id = :accountId")
  int deleteSecret(@Bind("accountId") long accountId);

  @SqlUpdate("INSERT INTO secrets (account_id, ciphertext, updated_at) VALUES (:accountId, :ciphertext, :now)")
  int insertSecret(@Bind("accountId") long accountId, @Bind("ciphertext") String ciphertext, @Bind("now") Instant now);

  @SqlQuery("SELECT ciphertext FROM secrets WHERE account_id = :accountId")
  Optional<String> secret(@Bind("accountId") long accountId);

  // Keys

  @SqlUpdate("INSERT INTO hermes_keys (key_hash, key_prefix, host, access, created_at)"
      + " VALUES (:keyHash, :keyPrefix, :host, :access, :now)")
  int insertKey(@Bind("keyHash") String keyHash, @Bind("keyPrefix") String keyPrefix, @Bind("host") String host,
      @Bind("access") int access, @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM hermes_keys WHERE key_hash = :keyHash")
  Optional<Key> findKey(@Bind("keyHash") String keyHash);

  @SqlQuery("SELECT * FROM hermes_keys ORDER BY id")
  List<Key> keys();

  @SqlUpdate("DELETE FROM hermes_keys WHERE key_hash = :keyHash")
  int deleteKey(@Bind("keyHash") String keyHash);

  // Grants

  @SqlQuery("SELECT account_id, access FROM hermes_grants WHERE account_id = :accountId")
  Optional<Grant> grant(@Bind("accountId") long accountId);

  @SqlQuery("SELECT account_id, access FROM hermes_grants ORDER BY account_id")
  List<Grant> grants();

  @SqlUpdate("DELETE FROM hermes_grants WHERE account_id = :accountId")
  int deleteGrant(@Bind("accountId") long accountId);

  @SqlUpdate("INSERT INTO hermes_grants (account_id, access, created_at) VALUES (:accountId, :access, :now)")
  int insertGrant(@Bind("accountId") long accountId, @Bind("access") int access, @Bind("now") Instant now);

  // Sessions

  @SqlUpdate("INSERT INTO hermes_sessions (name, account_id, key_id, access, domain, auth_key_hash, auth_key_expires_at,"
      + " last_seen_at, expires_at) VALUES (:name, :accountId, :keyId, :access, :domain, :authKeyHash,"
      + " :authKeyExpiresAt, :now, :expiresAt)")
  int insertSession(@Bind("name") String name, @Bind("accountId") Long accountId, @Bind("keyId") Long keyId,
      @Bind("access") int access, @Bind("domain") String domain, @Bind("authKeyHash") String authKeyHash,
      @Bind("authKeyExpiresAt") Instant authKeyExpiresAt, @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("SELECT * FROM hermes_sessions WHERE name = :name")
  Optional<Session> session(@Bind("name") String name);

  @SqlUpdate("UPDATE hermes_sessions SET last_seen_at = :now WHERE name = :name")
  int touchSession(@Bind("name") String name, @Bind("now") Instant now);

  /** Rotates the auth key if it is still the one the caller presented (concurrent pings: one wins). */
  @SqlUpdate("UPDATE hermes_sessions SET previous_key_hash = auth_key_hash, previous_key_until = :graceUntil,"
      + " auth_key_hash = :newHash, auth_key_expires_at = :newExpiresAt, last_seen_at = :now"
      + " WHERE name = :name AND auth_key_hash = :oldHash")
  int rotateKey(@Bind("name") String name, @Bind("oldHash") String oldHash, @Bind("newHash") String newHash,
      @Bind("newExpiresAt") Instant newExpiresAt, @Bind("graceUntil") Instant graceUntil, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM hermes_sessions WHERE name = :name")
  int deleteSession(@Bind("name") String name);

  @SqlUpdate("DELETE FROM hermes_sessions WHERE expires_at < :now")
  int purgeSessions(@Bind("now") Instant now);
}
