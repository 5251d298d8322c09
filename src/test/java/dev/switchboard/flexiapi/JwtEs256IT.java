package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.support.Http;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ES256 tokens against an EC P-256 public key; an RS256-signed token is refused by that server. */
class JwtEs256IT {
  @Test
  void es256_tokens_authenticate_by_sip_identity_or_email() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Path pem = Files.createTempFile("jwt-ec", ".pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    TestDatabase db = TestDatabase.sqlite();
    try (ServerProcess server = ServerProcess.start(db, Map.of("SWITCHBOARD_JWT_PUBLIC_KEY_FILE", pem.toString()))) {
      assertThat(server.cli("accounts", "create", "--username", "carol01", "--domain", "sip.example.org",
          "--password", "carol-secret").exitCode()).isZero();
      db.execute("UPDATE accounts SET email = ? WHERE username = ?", "carol@example.com", "carol01");

      String bySip = sign(keys, new JWTClaimsSet.Builder().claim("sip_identity", "sip:carol01@sip.example.org"));
      var r = Http.get(server.url("/api/accounts/me"), "Authorization", "Bearer " + bySip);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("username").asText()).isEqualTo("carol01");

      String byEmail = sign(keys, new JWTClaimsSet.Builder().claim("email", "carol@example.com"));
      assertThat(Http.get(server.url("/api/accounts/me"), "Authorization", "Bearer " + byEmail).status())
          .isEqualTo(200);

      assertThat(Http.get(server.url("/api/accounts/me"), "Authorization", "Bearer not.a.jwt").status())
          .isEqualTo(401);
    }
  }

  private static String sign(KeyPair keys, JWTClaimsSet.Builder claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(),
        claims.expirationTime(new Date(System.currentTimeMillis() + 300_000)).build());
    jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
    return jwt.serialize();
  }
}
