package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Crossbar listing: the filters (filter_*, filter_not_*, has_key, key_missing, has_value,
 * value_missing, created_/modified_from/_to in Gregorian seconds) on the full documents, then pages
 * of page_size (default 50) ordered by id, with start keys as Kazoo makes them: base64url of the
 * Erlang term_to_binary of the id (a raw id is accepted too). paginate=false returns everything.
 */
final class Listing {
  static final int DEFAULT_PAGE_SIZE = 50;
  private static final long GREGORIAN_OFFSET = 62_167_219_200L;

  /** One listable item: its id, its full document, its times, and the row shown for it. */
  record Item(String id, JsonNode doc, Instant created, Instant modified, JsonNode row) {}

  private Listing() {}

  static Reply page(Call call, List<Item> items, ObjectMapper json) {
    Context ctx = call.ctx();
    List<Item> kept = new ArrayList<>();
    for (Item item : items) {
      if (matches(ctx, item, json)) {
        kept.add(item);
      }
    }
    ArrayNode rows = json.createArrayNode();
    if ("false".equals(call.value("paginate"))) {
      kept.forEach(i -> rows.add(i.row()));
      return Reply.list(rows, new Reply.Listing(false, null, null));
    }
    int size = pageSize(call.value("page_size"));
    String startKey = call.value("start_key");
    String start = startKey == null ? null : decode(startKey);
    int from = 0;
    if (start != null) {
      while (from < kept.size() && kept.get(from).id().compareTo(start) < 0) {
        from++;
      }
    }
    int to = (int) Math.min(kept.size(), (long) from + size);
    for (int i = from; i < to; i++) {
      rows.add(kept.get(i).row());
    }
    String next = to < kept.size() ? encode(kept.get(to).id()) : null;
    return Reply.list(rows, new Reply.Listing(true, startKey, next));
  }

  private static int pageSize(String raw) {
    try {
      int n = raw == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(raw);
      return n <= 0 ? DEFAULT_PAGE_SIZE : n;
    } catch (NumberFormatException e) {
      return DEFAULT_PAGE_SIZE;
    }
  }

  /** Erlang's external term format of a binary: 131, 109, 4-byte length, bytes; then base64url. */
  static String encode(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(6 + b.length).put((byte) 131).put((byte) 109).putInt(b.length).put(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  static String decode(String key) {
    try {
      byte[] b = Base64.getUrlDecoder().decode(key);
      if (b.length >= 6 && (b[0] & 0xff) == 131 && b[1] == 109) {
        int len = ByteBuffer.wrap(b, 2, 4).getInt();
        if (len == b.length - 6) {
          return new String(b, 6, len, StandardCharsets.UTF_8);
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64: a raw key
    }
    return key;
  }

  private static boolean matches(Context ctx, Item item, ObjectMapper json) {
    for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
      String name = q.getKey();
      for (String value : q.getValue()) {
        boolean ok;
        if (name.startsWith("filter_not_")) {
          ok = !equalsAny(Docs.at(item.doc(), name.substring("filter_not_".length())), value, json);
        } else if (name.startsWith("filter_")) {
          ok = equalsAny(Docs.at(item.doc(), name.substring("filter_".length())), value, json);
        } else {
          ok = switch (name) {
            case "has_key" -> !Docs.at(item.doc(), value).isMissingNode();
            case "key_missing" -> Docs.at(item.doc(), value).isMissingNode();
            case "has_value" -> hasValue(Docs.at(item.doc(), value));
            case "value_missing" -> !hasValue(Docs.at(item.doc(), value));
            case "created_from" -> gregorian(item.created()) >= number(value);
            case "created_to" -> gregorian(item.created()) <= number(value);
            case "modified_from" -> gregorian(item.modified()) >= number(value);
            case "modified_to" -> gregorian(item.modified()) <= number(value);
            default -> true;
          };
        }
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean hasValue(JsonNode n) {
    return !n.isMissingNode() && !n.isNull() && !(n.isTextual() && n.asText().isEmpty())
        && !(n.isContainerNode() && n.isEmpty());
  }

  /** A string compare, or any-of when the filter value is a JSON array. */
  private static boolean equalsAny(JsonNode actual, String value, ObjectMapper json) {
    if (actual.isMissingNode()) {
      return false;
    }
    String have = actual.isValueNode() ? actual.asText() : actual.toString();
    if (value.startsWith("[")) {
      try {
        JsonNode options = json.readTree(value);
        for (JsonNode o : options) {
          if (have.equals(o.isValueNode() ? o.asText() : o.toString())) {
            return true;
          }
        }
        return false;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // not an array: compare as text
      }
    }
    return have.equals(value);
  }

  private static long gregorian(Instant t) {
    return t == null ? 0 : t.getEpochSecond() + GREGORIAN_OFFSET;
  }

  private static long number(String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
