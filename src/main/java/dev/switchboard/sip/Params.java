package dev.switchboard.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The ;name=value parameters of a URI or header (names lower case; a flag maps to ""). */
final class Params {
  private Params() {}

  /** Parses "a=1;b;c=\"x;y\"" (without the leading ';'), quotes kept as given. */
  static Map<String, String> parse(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null || s.isEmpty()) {
      return out;
    }
    int i = 0;
    while (i < s.length()) {
      int end = i;
      boolean quoted = false;
      while (end < s.length() && (quoted || s.charAt(end) != ';')) {
        if (s.charAt(end) == '"') {
          quoted = !quoted;
        }
        end++;
      }
      String part = s.substring(i, end).trim();
      if (!part.isEmpty()) {
        int eq = part.indexOf('=');
        String name = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        out.putIfAbsent(name, eq < 0 ? "" : part.substring(eq + 1).trim());
      }
      i = end + 1;
    }
    return out;
  }

  /** The value without surrounding double quotes. */
  static String unquote(String v) {
    if (v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
