package dev.switchboard.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The digest_nonces table, shared by every instance on the same database: the highest nc used of
 * each nonce that has been answered (nonces are issued without a row, see {@link NonceUses}).
 */
public interface NonceDao {
  /**
   * Records {@code nc} of a nonce as used, in one statement: inserts the nonce, or raises its nc when
   * the stored one is lower. 1 row when recorded; 0 when that nc, or a higher one, was used already.
   */
  String USE = "INSERT INTO digest_nonces (nonce, opaque, nc, expires_at) VALUES (:nonce, :opaque, :nc, :expiresAt)"
      + " ON CONFLICT (nonce) DO UPDATE SET nc = excluded.nc WHERE digest_nonces.nc < excluded.nc";

  @SqlUpdate(USE)
  int use(@Bind("nonce") String nonce, @Bind("opaque") String opaque, @Bind("nc") long nc,
      @Bind("expiresAt") Instant expiresAt);

  @SqlUpdate("DELETE FROM digest_nonces WHERE expires_at < :before")
  int deleteExpired(@Bind("before") Instant before);
}
