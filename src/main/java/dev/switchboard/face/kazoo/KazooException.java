package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Crossbar error as it goes on the wire: HTTP status, message word, data. */
final class KazooException extends RuntimeException {
  private final int status;
  private final JsonNode data;

  KazooException(int status, String message, JsonNode data) {
    super(message, null, false, false);
    this.status = status;
    this.data = data;
  }

  int status() {
    return status;
  }

  JsonNode data() {
    return data;
  }

  static ObjectNode message(String message) {
    return JsonNodeFactory.instance.objectNode().put("message", message);
  }

  /** 400 "validation error" with one rule broken on one field. */
  static KazooException invalid(String field, String rule, ObjectNode detail) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.putObject(field).set(rule, detail);
    return new KazooException(400, "validation error", data);
  }

  /** 404 bad_identifier for an id that names nothing the caller can see. */
  static KazooException badIdentifier(String id) {
    return new KazooException(404, "bad_identifier",
        JsonNodeFactory.instance.objectNode().put("cause", id).put("message", "bad identifier"));
  }
}
