package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/** What a handler answers: status, data, the document's revision, extra headers, list paging. */
record Reply(int status, JsonNode data, String revision, Map<String, String> headers, Listing listing) {
  /** Paging of a listing: without pagination none of the keys is sent. */
  record Listing(boolean paginated, String startKey, String nextStartKey) {}

  static Reply ok(JsonNode data) {
    return new Reply(200, data, null, Map.of(), null);
  }

  static Reply ok(JsonNode data, String revision) {
    return new Reply(200, data, revision, Map.of(), null);
  }

  static Reply text(String message) {
    return new Reply(200, TextNode.valueOf(message), null, Map.of(), null);
  }

  static Reply created(JsonNode data, String revision, String location) {
    return new Reply(201, data, revision, location == null ? Map.of() : Map.of("Location", location), null);
  }

  static Reply list(JsonNode data, Listing listing) {
    return new Reply(200, data, null, Map.of(), listing);
  }
}
