package dev.switchboard.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses an `Authorization: Digest …` value (RFC 7616 §3.4) into its parameters: names are
 * case-insensitive, values are tokens or quoted strings with backslash escapes.
 */
public final class DigestHeader {
  private DigestHeader() {}

  /** The parameters by lowercase name, or empty when the value is not a well-formed Digest header. */
  public static Optional<Map<String, String>> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Digest ", 0, 7)) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    int i = 7;
    int n = value.length();
    while (i < n) {
      while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == ',' || value.charAt(i) == '\t')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int eq = value.indexOf('=', i);
      if (eq < 0) {
        return Optional.empty();
      }
      String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        return Optional.empty();
      }
      i = eq + 1;
      while (i < n && value.charAt(i) == ' ') {
        i++;
      }
      StringBuilder v = new StringBuilder();
      if (i < n && value.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = value.charAt(i++);
          if (c == '\\' && i < n) {
            v.append(value.charAt(i++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            v.append(c);
          }
        }
        if (!closed) {
          return Optional.empty();
        }
      } else {
        while (i < n && value.charAt(i) != ',') {
          v.append(value.charAt(i++));
        }
      }
      if (params.put(name, v.toString().trim()) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
