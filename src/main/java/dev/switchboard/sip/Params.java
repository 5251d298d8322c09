package dev.switchboard.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The ;name=value parameters of a URI or header (names lower case; a flag maps to ""). */
final class Params {
  private Params() {}

  /**
   * Parses "a=1;b;c=\"x;y\"" (without the leading ';'), quotes kept as given. An empty parameter
   * (";;", a trailing ';'), an empty name or an empty value after '=' is refused: RFC 3261's
   * generic-param and uri-parameter have neither, and RFC 4475 §3.1.2.1 (badinv01) must be refused.
   */
  static Map<String, String> parse(String s) throws SipParseException {
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null) {
      return out; // no ';' at all; "" is the empty parameter after a trailing ';'
    }
    int i = 0;
    while (i <= s.length()) {
      int end = i;
      boolean quoted = false;
      while (end < s.length() && (quoted || s.charAt(end) != ';')) {
        if (s.charAt(end) == '"') {
          quoted = !quoted;
        }
        end++;
      }
      String part = s.substring(i, end).trim();
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : part.substring(eq + 1).trim();
      if (name.isEmpty() || (eq >= 0 && value.isEmpty())) {
        throw new SipParseException("empty parameter");
      }
      out.putIfAbsent(name, value);
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
