package dev.switchboard.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.support.Http;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** A Crossbar client as Monster UI or kazoo-php-sdk is: a base URL, a token, JSON envelopes. */
final class Crossbar {
  private final String base;
  String token;
  String accountId;
  String ownerId;

  Crossbar(String base) {
    this.base = base;
  }

  static String md5(String text) {
    return hex("MD5", text);
  }

  static String sha1(String text) {
    return hex("SHA-1", text);
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** PUT /v2/user_auth with md5(lower(username):password) and a way to name the account. */
  Http.Response userAuth(String username, String password, String accountKey, String accountValue) {
    String creds = md5(username.toLowerCase(Locale.ROOT) + ":" + password);
    return Http.send("PUT", base + "/v2/user_auth", "{\"data\":{\"credentials\":\"" + creds + "\",\"method\":\"md5\",\""
        + accountKey + "\":\"" + accountValue + "\"}}");
  }

  Crossbar login(String username, String password, String realm) {
    Http.Response r = userAuth(username, password, "account_realm", realm);
    if (r.status() != 201) {
      throw new AssertionError("login failed: " + r.status() + " " + r.body());
    }
    token = r.json().get("auth_token").asText();
    accountId = r.json().get("data").get("account_id").asText();
    ownerId = r.json().path("data").path("owner_id").asText(null);
    return this;
  }

  Http.Response send(String method, String path, String body, String... headers) {
    String[] all = new String[headers.length + (token == null ? 0 : 2)];
    System.arraycopy(headers, 0, all, 0, headers.length);
    if (token != null) {
      all[headers.length] = "X-Auth-Token";
      all[headers.length + 1] = token;
    }
    return Http.send(method, base + path, body, all);
  }

  Http.Response get(String path) {
    return send("GET", path, null);
  }

  /** A write with {"data": data}. */
  Http.Response write(String method, String path, String data) {
    return send(method, path, "{\"data\":" + data + "}");
  }

  JsonNode ok(Http.Response r, int status) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + ", got " + r.status() + ": " + r.body());
    }
    JsonNode json = r.json();
    if (!"success".equals(json.path("status").asText())) {
      throw new AssertionError("not a success envelope: " + r.body());
    }
    return json.get("data");
  }

  String devices() {
    return "/v2/accounts/" + accountId + "/devices";
  }
}
