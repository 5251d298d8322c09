package dev.switchboard.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.config.Config;
import dev.switchboard.core.notification.PushSender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Push notifications as the providers take them: FCM HTTP v1 (`fcm`: POST to push.fcm_url with
 * {project} = pn_param, `{"message": {"token": pn_prid, "data": …}}`, Bearer push.fcm_access_token)
 * and APNs (`apns`, `apns.dev`: POST {push.apns_url}/3/device/{pn_prid}, apns-topic from pn_param,
 * a provider token signed ES256 with the .p8 key, refreshed every 40 minutes). The URLs are
 * configurable so that tests (or a relay) can take the requests.
 */
public final class HttpPushSender implements PushSender {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Config.Push push;
  private final Clock clock;
  /** Built on the first push: a client starts a selector thread and costs start-up time, and most servers never push. */
  private HttpClient client;
  private final ECPrivateKey apnsKey;
  private String apnsToken;
  private long apnsTokenIssuedMillis;

  public HttpPushSender(Config.Push push, Clock clock) {
    this.push = push;
    this.clock = clock;
    this.apnsKey = push.apnsKeyFile().isBlank() ? null : readP8(Path.of(push.apnsKeyFile()));
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(push.timeoutSeconds())).build();
    }
    return client;
  }

  private static ECPrivateKey readP8(Path file) {
    try {
      String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      return (ECPrivateKey) KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("push.apns_key_file cannot be used: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean supports(String provider) {
    return switch (provider) {
      case "fcm" -> !push.fcmUrl().isBlank() && !push.fcmAccessToken().isBlank();
      case "apns", "apns.dev" -> apnsKey != null;
      default -> false;
    };
  }

  @Override
  public void send(Target target, Map<String, String> data) throws PushFailedException {
    if (!supports(target.provider())) {
      throw new PushFailedException("push provider " + target.provider() + " is not configured");
    }
    HttpRequest request = target.provider().equals("fcm") ? fcm(target, data) : apns(target, data);
    try {
      HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new PushFailedException(target.provider() + " answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new PushFailedException(target.provider() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushFailedException("interrupted");
    }
  }

  private HttpRequest fcm(Target target, Map<String, String> data) throws PushFailedException {
    String url = push.fcmUrl().replace("{project}", URLEncoder.encode(target.param(), StandardCharsets.UTF_8));
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("token", target.prid());
    message.put("data", data);
    message.put("android", Map.of("priority", "high", "ttl", "30s"));
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(push.timeoutSeconds()))
        .header("Authorization", "Bearer " + push.fcmAccessToken())
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("message", message))))
        .build();
  }

  private HttpRequest apns(Target target, Map<String, String> data) throws PushFailedException {
    // Linphone's pn_param for APNs is TEAMID.bundle.id[.voip]; the topic is the bundle part.
    String param = target.param();
    int dot = param.indexOf('.');
    String topic = dot > 0 && param.substring(0, dot).matches("[A-Z0-9]{10}") ? param.substring(dot + 1) : param;
    boolean voip = topic.endsWith(".voip");
    String base = target.provider().equals("apns.dev") ? push.apnsSandboxUrl() : push.apnsUrl();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("aps", Map.of("content-available", 1));
    body.putAll(data);
    return HttpRequest.newBuilder(URI.create(base + "/3/device/" + URLEncoder.encode(target.prid(), StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(push.timeoutSeconds()))
        .header("authorization", "bearer " + apnsProviderToken())
        .header("apns-topic", topic)
        .header("apns-push-type", voip ? "voip" : "background")
        .header("apns-priority", voip ? "10" : "5")
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
  }

  private synchronized String apnsProviderToken() throws PushFailedException {
    long now = clock.millis();
    if (apnsToken == null || now - apnsTokenIssuedMillis > Duration.ofMinutes(40).toMillis()) {
      try {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(push.apnsKeyId()).build(),
            new JWTClaimsSet.Builder().issuer(push.apnsTeamId()).issueTime(new Date(now)).build());
        jwt.sign(new ECDSASigner(apnsKey));
        apnsToken = jwt.serialize();
        apnsTokenIssuedMillis = now;
      } catch (JOSEException e) {
        throw new PushFailedException("cannot sign the APNs provider token: " + e.getMessage());
      }
    }
    return apnsToken;
  }

  private static String json(Object value) throws PushFailedException {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new PushFailedException("cannot encode the push: " + e.getMessage());
    }
  }
}
