package dev.switchboard.sip.kamailio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 2.0 client for Kamailio's jsonrpcs module over HTTP (xhttp). Plain HTTP/1.1: xhttp
 * speaks nothing else, and an h2c upgrade offer would only confuse it.
 */
public final class KamailioRpc {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;
  private final AtomicLong ids = new AtomicLong();

  public KamailioRpc(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(Math.min(5, Math.max(1, timeout.toSeconds())))).build();
  }

  /** A method's result: tm's SIP status and reason ({"code":200,"text":"OK"}). */
  public record Reply(int code, String text, JsonNode result) {}

  /** No answer within the timeout. */
  public static final class Timeout extends RuntimeException {
    Timeout(String message) {
      super(message);
    }
  }

  /** Kamailio unreachable, refusing, or answering with a JSON-RPC error. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  public Reply call(String method, List<?> params) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("method", method);
    body.put("params", params);
    body.put("id", ids.incrementAndGet());
    HttpResponse<String> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new Timeout("no answer from Kamailio's JSON-RPC at " + url + " within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw new Unavailable("Kamailio's JSON-RPC at " + url + " is unreachable (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): is Kamailio running with jsonrpcs over xhttp?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while waiting for Kamailio");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new Unavailable("Kamailio's JSON-RPC at " + url + " answered HTTP " + response.statusCode()
          + " without JSON");
    }
    if (answer == null || answer.hasNonNull("error") || !answer.has("result")) {
      JsonNode error = answer == null ? null : answer.path("error");
      String message = error == null || error.isMissingNode() ? "HTTP " + response.statusCode()
          : error.path("code").asText() + " " + error.path("message").asText();
      throw new Unavailable("Kamailio's " + method + " failed: " + message);
    }
    JsonNode result = answer.get("result");
    return new Reply(result.path("code").asInt(0), result.path("text").asText(""), result);
  }
}
