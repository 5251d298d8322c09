package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.account.Algorithm;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Document helpers: private keys, deep merge, dotted paths, revisions. */
final class Docs {
  private Docs() {}

  /** Kazoo's private keys (`_id`, `_rev`, `pvt_*`, ...): never taken from a client nor shown to one. */
  static boolean isPrivate(String key) {
    return key.startsWith("_") || key.startsWith("pvt_");
  }

  /** Drops the top-level private keys and `id` (ids come from the URL or the store). */
  static ObjectNode publicCopy(JsonNode data) {
    ObjectNode out = ((ObjectNode) data).deepCopy();
    List<String> drop = new ArrayList<>();
    out.fieldNames().forEachRemaining(k -> {
      if (isPrivate(k) || k.equals("id")) {
        drop.add(k);
      }
    });
    out.remove(drop);
    return out;
  }

  /** PATCH: the request wins, objects merge recursively, a null removes the key. */
  static void merge(ObjectNode target, JsonNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
        merge(existing, value);
      } else {
        target.set(e.getKey(), value.deepCopy());
      }
    }
  }

  /** The node at a dotted path, or missing. */
  static JsonNode at(JsonNode doc, String dotted) {
    JsonNode at = doc;
    for (String part : dotted.split("\\.")) {
      at = at.path(part);
    }
    return at;
  }

  static String text(JsonNode doc, String dotted) {
    JsonNode n = at(doc, dotted);
    return n.isTextual() ? n.asText() : null;
  }

  /** A stored document (accounts, users, devices keep theirs as JSON text). */
  static ObjectNode parse(ObjectMapper json, String document) {
    try {
      return (ObjectNode) json.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored document is not JSON", e);
    }
  }

  /** A CouchDB-like revision: the write count and a digest of the document. */
  static String revision(long count, String document) {
    return count + "-" + Algorithm.MD5.hex(document);
  }
}
