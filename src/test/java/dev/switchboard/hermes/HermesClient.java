package dev.switchboard.hermes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A Hermes script: GET /hermes/api/{node}/{verb}?params, carrying its session and auth_key. */
final class HermesClient {
  private final String base;
  String session;
  String authKey;

  HermesClient(String base) {
    this.base = base;
  }

  static String query(String... params) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      q.append(q.length() == 0 ? "?" : "&").append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  Http.Response raw(String node, String... params) {
    String[] all = params;
    if (session != null) {
      all = new String[params.length + 4];
      System.arraycopy(params, 0, all, 0, params.length);
      all[params.length] = "session";
      all[params.length + 1] = session;
      all[params.length + 2] = "auth_key";
      all[params.length + 3] = authKey;
    }
    return Http.get(base + "/hermes/api/" + node + query(all));
  }

  JsonNode call(String node, String... params) {
    Http.Response r = raw(node, params);
    if (r.status() != 200) {
      throw new AssertionError(node + " answered HTTP " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  HermesClient login(String... credentials) {
    JsonNode r = call("auth/login", credentials);
    if (!"ok".equals(r.get("response").asText())) {
      throw new AssertionError("login failed: " + r);
    }
    session = r.get("session").asText();
    authKey = r.get("auth_key").asText();
    return this;
  }
}
