package dev.switchboard.notify;

import dev.switchboard.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Sends SMS through an HTTP gateway: POST to sms.url with the body rendered from sms.body_template
 * (variables to, sender, text), HTTP Basic credentials when configured. Any 2xx is a success.
 */
final class SmsGateway {
  private final Config.Sms sms;
  private final Templates templates;
  /** Built on the first SMS, as HttpPushSender's: SSLContext.getDefault alone was 5% of a start's CPU. */
  private HttpClient client;

  SmsGateway(Config.Sms sms, Templates templates) {
    this.sms = sms;
    this.templates = templates;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }
    return client;
  }

  void send(String to, String text) throws DeliveryException {
    if (sms.url().isBlank()) {
      throw new DeliveryException("sms.url is not configured");
    }
    String body = templates.renderInline(sms.bodyTemplate(), Map.of("to", to, "sender", sms.sender(), "text", text));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sms.url()))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", sms.contentType())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!sms.username().isBlank()) {
      String basic = Base64.getEncoder().encodeToString(
          (sms.username() + ":" + sms.password()).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + basic);
    }
    try {
      HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryException("SMS gateway answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new DeliveryException("SMS gateway: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted", e);
    }
  }
}
