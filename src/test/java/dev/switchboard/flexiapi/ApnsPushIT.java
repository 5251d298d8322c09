package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.support.Http;
import dev.switchboard.support.Recorder;
import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** send-by-push to an iOS device: the APNs request shape, signed with the operator's .p8 key. */
class ApnsPushIT {
  @Test
  void an_apns_push_has_the_topic_push_type_and_a_provider_token_signed_by_the_p8_key() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Path p8 = Files.createTempFile("AuthKey", ".p8");
    Files.writeString(p8, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    try (Recorder apns = new Recorder();
        ServerProcess server = ServerProcess.start(TestDatabase.sqlite(), Map.of(
            "SWITCHBOARD_PUSH_APNS_SANDBOX_URL", apns.url(""),
            "SWITCHBOARD_PUSH_APNS_KEY_FILE", p8.toString(),
            "SWITCHBOARD_PUSH_APNS_KEY_ID", "KEY1234567",
            "SWITCHBOARD_PUSH_APNS_TEAM_ID", "TEAM123456"))) {
      var r = Http.send("POST", server.url("/api/account_creation_tokens/send-by-push"),
          "{\"pn_provider\":\"apns.dev\",\"pn_param\":\"ABCDE12345.org.linphone.phone.voip\",\"pn_prid\":\"a1b2c3\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      Recorder.Request push = apns.take(Duration.ofSeconds(5));
      assertThat(push.path()).isEqualTo("/3/device/a1b2c3");
      assertThat(push.header("apns-topic")).isEqualTo("org.linphone.phone.voip");
      assertThat(push.header("apns-push-type")).isEqualTo("voip");
      SignedJWT token = SignedJWT.parse(push.header("authorization").substring("bearer ".length()));
      assertThat(token.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
      assertThat(token.getHeader().getKeyID()).isEqualTo("KEY1234567");
      assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM123456");
      assertThat(new Http.Response(200, null, push.body()).json().get("token").asText()).hasSize(32);
    }
  }
}
