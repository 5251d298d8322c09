package dev.switchboard.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The digest_nonces table, shared by every instance on the same database. */
public interface NonceDao {
  /** An issued nonce, its opaque value, the highest nc seen and its expiry. */
  record Row(String nonce, String opaque, long nc, Instant expiresAt) {}

  @SqlUpdate("INSERT INTO digest_nonces (nonce, opaque, nc, expires_at) VALUES (:nonce, :opaque, 0, :expiresAt)")
  int insert(@Bind("nonce") String nonce, @Bind("opaque") String opaque, @Bind("expiresAt") Instant expiresAt);

  String FIND = "SELECT nonce, opaque, nc, expires_at FROM digest_nonces WHERE nonce = :nonce";

  @SqlQuery(FIND)
  Optional<Row> find(@Bind("nonce") String nonce);

  /** Records {@code nc} as used; 0 rows when it was already used (a replay) or the nonce is gone. */
  @SqlUpdate("UPDATE digest_nonces SET nc = :nc WHERE nonce = :nonce AND nc < :nc")
  int advance(@Bind("nonce") String nonce, @Bind("nc") long nc);

  @SqlUpdate("DELETE FROM digest_nonces WHERE expires_at < :now")
  int deleteExpired(@Bind("now") Instant now);
}
