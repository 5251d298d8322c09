package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's parameters as Laravel sees them: a JSON object body, or form fields, or nothing.
 * Scalars are read as strings; a value of the wrong shape is a 422 naming the field.
 */
final class Input {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode json;
  private final Context ctx;

  private Input(JsonNode json, Context ctx) {
    this.json = json;
    this.ctx = ctx;
  }

  static Input of(Context ctx) {
    String body = ctx.body();
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (body.isBlank() || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
      return new Input(null, ctx);
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && !node.isObject()) {
        throw ValidationException.of("body", "The request body must be a JSON object.");
      }
      return new Input(node, ctx);
    } catch (IOException e) {
      throw ValidationException.of("body", "The request body must be valid JSON.");
    }
  }

  String string(String name) {
    if (json == null) {
      return ctx.formParam(name);
    }
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw ValidationException.of(name, "The " + name.replace('_', ' ') + " must be a string.");
    }
    return value.asText();
  }

  /** A Laravel boolean: true, false, 1, 0, "1", "0", "true", "false"; null when absent. */
  Boolean bool(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true", "1" -> true;
      case "false", "0", "" -> false;
      default -> throw ValidationException.of(name, "The " + name.replace('_', ' ') + " field must be true or false.");
    };
  }

  /** An integer; null when absent, 422 when not an integer. */
  Integer integer(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "The " + name.replace('_', ' ') + " must be an integer.");
    }
  }

  /** A scalar inside an object parameter ({@code object.key}); null when absent. */
  String nested(String object, String key) {
    if (json == null) {
      return ctx.formParam(object + "[" + key + "]");
    }
    JsonNode outer = json.get(object);
    if (outer == null || outer.isNull()) {
      return null;
    }
    if (!outer.isObject()) {
      throw ValidationException.of(object, "The " + object.replace('_', ' ') + " must be an object.");
    }
    JsonNode value = outer.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** An associative array of strings (the dictionary parameter); null when absent. */
  Map<String, String> map(String name) {
    if (json == null || json.get(name) == null || json.get(name).isNull()) {
      return null;
    }
    JsonNode value = json.get(name);
    if (!value.isObject()) {
      throw ValidationException.of(name, "The " + name + " must be an array.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }
}
