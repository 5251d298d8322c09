package dev.switchboard.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.SipAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * `Authorization: Bearer` JWTs signed by the operator's identity provider: RS256 with an RSA key or
 * ES256 with an EC P-256 key, read from a PEM file. The token must carry `exp` and be unexpired (60 s
 * of clock skew allowed). It maps to an existing account by its `sip_identity` claim (a SIP address,
 * sip:user@domain) when present, otherwise by its `email` claim when exactly one account has it.
 */
public final class JwtAuthenticator {
  private static final long SKEW_MILLIS = 60_000;

  private final PublicKey key;
  private final JWSVerifier verifier;
  private final JWSAlgorithm algorithm;
  private final AccountService accounts;
  private final Clock clock;

  private JwtAuthenticator(PublicKey key, AccountService accounts, Clock clock) {
    this.key = key;
    this.accounts = accounts;
    this.clock = clock;
    try {
      if (key instanceof RSAPublicKey rsa) {
        this.verifier = new RSASSAVerifier(rsa);
        this.algorithm = JWSAlgorithm.RS256;
      } else if (key instanceof ECPublicKey ec) {
        this.verifier = new ECDSAVerifier(ec);
        this.algorithm = JWSAlgorithm.ES256;
      } else {
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable public key: " + e.getMessage(), e);
    }
  }

  /** Reads the PEM public key (SubjectPublicKeyInfo, "BEGIN PUBLIC KEY"). */
  public static JwtAuthenticator fromPemFile(Path file, AccountService accounts, Clock clock) {
    try {
      String pem = Files.readString(file);
      String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
      X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
      for (String type : new String[] {"RSA", "EC"}) {
        try {
          return new JwtAuthenticator(KeyFactory.getInstance(type).generatePublic(spec), accounts, clock);
        } catch (java.security.GeneralSecurityException ignored) {
          // try the next key type
        }
      }
      throw new IllegalArgumentException("jwt.public_key_file holds neither an RSA nor an EC public key");
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("jwt.public_key_file cannot be used: " + e.getMessage(), e);
    }
  }

  /** The account of a valid token; empty when the token is invalid, expired, or names no account. */
  public Optional<Account> authenticate(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!algorithm.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date now = new Date(clock.millis());
      if (claims.getExpirationTime() == null
          || claims.getExpirationTime().getTime() + SKEW_MILLIS < now.getTime()
          || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().getTime() - SKEW_MILLIS > now.getTime())) {
        return Optional.empty();
      }
      String sip = claims.getStringClaim("sip_identity");
      if (sip != null) {
        return SipAddress.parse(sip).flatMap(a -> accounts.findBySip(a.user(), a.domain()));
      }
      String email = claims.getStringClaim("email");
      return email == null ? Optional.empty() : accounts.findByUniqueEmail(email);
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  PublicKey key() {
    return key;
  }
}
