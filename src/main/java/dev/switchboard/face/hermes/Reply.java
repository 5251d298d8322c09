package dev.switchboard.face.hermes;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hermes' JSON answers: always a `response` element first. */
final class Reply {
  private Reply() {}

  static Map<String, Object> of(String response, Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("response", response);
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  static Map<String, Object> ok(Object... keyValues) {
    return of("ok", keyValues);
  }
}
