package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.domain.Tenant;
import io.javalin.http.Context;

/**
 * One Crossbar request once parsed: the envelope and its `data`, the caller (null on the public
 * routes) and the account named in the URL (null where the URL names none).
 */
record Call(Context ctx, ObjectNode envelope, Caller caller, Tenant tenant) {
  /** The request's `data` member, or a missing node. */
  JsonNode data() {
    return envelope == null ? MissingNode.getInstance() : envelope.path("data");
  }

  /** `data` as an object: a write without one is Kazoo's 400 on the envelope schema. */
  ObjectNode dataObject() {
    JsonNode data = data();
    if (!data.isObject()) {
      ObjectNode detail = KazooException.message("Field is required but missing").put("value", "data");
      if (!data.isMissingNode()) {
        detail = KazooException.message("Value did not match type(s): object").put("target", "object");
        throw KazooException.invalid("data", "type", detail);
      }
      throw KazooException.invalid("data", "required", detail);
    }
    return (ObjectNode) data;
  }

  /** A request value as Kazoo reads one: from data, then the query string, then the envelope. */
  String value(String key) {
    JsonNode d = data().path(key);
    if (d.isValueNode()) {
      return d.asText();
    }
    String q = ctx.queryParam(key);
    if (q != null) {
      return q;
    }
    JsonNode e = envelope == null ? MissingNode.getInstance() : envelope.path(key);
    return e.isValueNode() ? e.asText() : null;
  }

  String path(String name) {
    return ctx.pathParam(name);
  }
}
