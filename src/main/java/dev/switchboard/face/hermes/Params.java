package dev.switchboard.face.hermes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Hermes request's parameters: the query string (as Hermes scripts send them), a POST form or a
 * JSON object body; `session` and `auth_key` also from cookies. Later sources do not override earlier.
 */
final class Params {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> values = new LinkedHashMap<>();

  Params(Context ctx) {
    ctx.queryParamMap().forEach((k, v) -> values.putIfAbsent(k, v.isEmpty() ? "" : v.get(0)));
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      ctx.formParamMap().forEach((k, v) -> values.putIfAbsent(k, v.isEmpty() ? "" : v.get(0)));
    } else if (type.startsWith("application/json") && !ctx.body().isBlank()) {
      try {
        JsonNode node = JSON.readTree(ctx.body());
        if (node != null && node.isObject()) {
          node.fields().forEachRemaining(e -> values.putIfAbsent(e.getKey(),
              e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
      } catch (IOException e) {
        // Unreadable JSON gives no parameters; the node then reports what is missing.
      }
    }
    for (String cookie : new String[] {"session", "auth_key"}) {
      if (!values.containsKey(cookie) && ctx.cookie(cookie) != null) {
        values.put(cookie, ctx.cookie(cookie));
      }
    }
  }

  /** The value, or null when absent or empty. */
  String get(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  Map<String, String> all() {
    return values;
  }
}
