package dev.switchboard.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.core.Ids;
import dev.switchboard.core.Secrets;
import dev.switchboard.store.Database;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Crossbar auth tokens: HS256 JWTs under a key derived from the server key, so every instance
 * sharing the data key accepts them. Claims as Kazoo's: account_id, owner_id (absent for an API
 * key), method, iss "kazoo", exp; plus jti so that DELETE /v2/token_auth can revoke one for real
 * (the revocation list is in the database until the token would have expired). A token from an API
 * key also carries key_id, a short digest of that key, and dies when the account's key is
 * regenerated: whoever held the old key must not keep a way in.
 */
public final class KazooTokens {
  /** What a valid token says. */
  public record Claims(String accountId, String ownerId, String method, String jti, Instant issuedAt,
      Instant expiresAt) {}

  private static final String API_AUTH = "cb_api_auth";

  private final byte[] key;
  private final Database db;
  private final Clock clock;
  private final Duration ttl;

  public KazooTokens(byte[] key, Database db, Clock clock, Duration ttl) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the token key must be at least 256 bits");
    }
    this.key = key.clone();
    this.db = db;
    this.clock = clock;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  public String issue(String accountId, String ownerId, String method) {
    return issue(accountId, ownerId, method, null);
  }

  /** A token for an API key whose stored hash is {@code keyHash}. */
  public String issueForKey(String accountId, String keyHash) {
    return issue(accountId, null, API_AUTH, keyId(keyHash));
  }

  /** Not the key nor its stored hash: the token's payload is readable by whoever holds it. */
  private static String keyId(String keyHash) {
    return Secrets.hash("kazoo-key-id:" + keyHash).substring(0, 16);
  }

  private String issue(String accountId, String ownerId, String method, String keyId) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer("kazoo")
        .jwtID(Ids.uuid())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .claim("account_id", accountId)
        .claim("method", method);
    if (ownerId != null) {
      claims.claim("owner_id", ownerId);
    }
    if (keyId != null) {
      claims.claim("key_id", keyId);
    }
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
          claims.build());
      jwt.sign(new MACSigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
  }

  /** The claims of a well-signed, unexpired, unrevoked token; empty otherwise. */
  public Optional<Claims> verify(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
        return Optional.empty();
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      Date exp = c.getExpirationTime();
      if (exp == null || !exp.toInstant().isAfter(clock.instant()) || !"kazoo".equals(c.getIssuer())
          || c.getJWTID() == null || c.getStringClaim("account_id") == null) {
        return Optional.empty();
      }
      if (db.read(d -> d.kazoo().isRevoked(c.getJWTID())) > 0) {
        return Optional.empty();
      }
      if (API_AUTH.equals(c.getStringClaim("method")) && !currentKey(c.getStringClaim("account_id"),
          c.getStringClaim("key_id"))) {
        return Optional.empty();
      }
      return Optional.of(new Claims(c.getStringClaim("account_id"), c.getStringClaim("owner_id"),
          c.getStringClaim("method"), c.getJWTID(), c.getIssueTime() == null ? null : c.getIssueTime().toInstant(),
          exp.toInstant()));
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  private boolean currentKey(String accountId, String keyId) {
    return keyId != null && db.read(d -> d.kazoo().apiKeyHashOf(accountId)).map(KazooTokens::keyId)
        .filter(keyId::equals).isPresent();
  }

  /** Revokes a token until its expiry; revoking twice is harmless. */
  public void revoke(Claims claims) {
    db.tx(d -> d.kazoo().isRevoked(claims.jti()) > 0 ? 0 : d.kazoo().revoke(claims.jti(), claims.expiresAt()));
  }

  public void purgeRevoked() {
    db.write(d -> d.kazoo().purgeRevoked(clock.instant()));
  }
}
