package dev.switchboard.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One-time tokens of the account flows; found by the SHA-256 of their value, consumed by a conditional update. */
public interface TokenDao {
  /** An account creation request token. */
  record RequestToken(long id, Instant validatedAt, Instant usedAt, Instant expiresAt) {}

  /** An account creation token. */
  record CreationToken(long id, String pnProvider, String pnParam, String pnPrid, Instant usedAt, Instant expiresAt) {}

  /** An auth token. */
  record AuthToken(long id, Long accountId, Instant usedAt, Instant expiresAt) {}

  // account_creation_request_tokens

  @SqlUpdate("INSERT INTO account_creation_request_tokens (token_hash, expires_at, created_at) VALUES (:hash, :expiresAt, :now)")
  int insertRequestToken(@Bind("hash") String hash, @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

  @SqlQuery("SELECT id, validated_at, used_at, expires_at FROM account_creation_request_tokens WHERE token_hash = :hash")
  Optional<RequestToken> findRequestToken(@Bind("hash") String hash);

  @SqlUpdate("UPDATE account_creation_request_tokens SET validated_at = :now WHERE id = :id AND validated_at IS NULL"
      + " AND used_at IS NULL AND expires_at > :now")
  int validateRequestToken(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate("UPDATE account_creation_request_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL"
      + " AND validated_at IS NOT NULL AND expires_at > :now")
  int useRequestToken(@Bind("id") long id, @Bind("now") Instant now);

  // account_creation_tokens

  @SqlQuery("INSERT INTO account_creation_tokens (token_hash, pn_provider, pn_param, pn_prid, expires_at, created_at)"
      + " VALUES (:hash, :provider, :param, :prid, :expiresAt, :now) RETURNING id")
  long insertCreationToken(@Bind("hash") String hash, @Bind("provider") String provider, @Bind("param") String param,
      @Bind("prid") String prid, @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

  @SqlQuery("SELECT id, pn_provider, pn_param, pn_prid, used_at, expires_at FROM account_creation_tokens WHERE token_hash = :hash")
  Optional<CreationToken> findCreationToken(@Bind("hash") String hash);

  @SqlQuery("SELECT COUNT(*) FROM account_creation_tokens WHERE pn_prid = :prid")
  int countCreationTokensForDevice(@Bind("prid") String prid);

  @SqlQuery("SELECT COUNT(*) FROM account_creation_tokens WHERE pn_prid = :prid AND used_at IS NULL AND expires_at > :now")
  int countLiveCreationTokensForDevice(@Bind("prid") String prid, @Bind("now") Instant now);

  @SqlUpdate("UPDATE account_creation_tokens SET used_at = :now, account_id = :accountId WHERE id = :id"
      + " AND used_at IS NULL AND expires_at > :now")
  int useCreationToken(@Bind("id") long id, @Bind("accountId") Long accountId, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM account_creation_tokens WHERE id = :id")
  int deleteCreationToken(@Bind("id") long id);

  // auth_tokens

  @SqlUpdate("INSERT INTO auth_tokens (token_hash, expires_at, created_at) VALUES (:hash, :expiresAt, :now)")
  int insertAuthToken(@Bind("hash") String hash, @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

  @SqlQuery("SELECT id, account_id, used_at, expires_at FROM auth_tokens WHERE token_hash = :hash")
  Optional<AuthToken> findAuthToken(@Bind("hash") String hash);

  @SqlUpdate("UPDATE auth_tokens SET account_id = :accountId WHERE id = :id AND account_id IS NULL"
      + " AND used_at IS NULL AND expires_at > :now")
  int attachAuthToken(@Bind("id") long id, @Bind("accountId") long accountId, @Bind("now") Instant now);

  @SqlUpdate("UPDATE auth_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL AND account_id IS NOT NULL"
      + " AND expires_at > :now")
  int useAuthToken(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM auth_tokens WHERE expires_at < :before")
  int purgeAuthTokens(@Bind("before") Instant before);
}
