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
      if (!isName(name)) {
        return Optional.empty();
      }
      i = eq + 1;
      while (i < n && value.charAt(i) == ' ') {
        i++;
      }
      String v;
      if (i < n && value.charAt(i) == '"') {
        int close = closingQuote(value, i + 1);
        if (close < 0) {
          return Optional.empty();
        }
        v = unescape(value, i + 1, close);
        i = close + 1;
      } else {
        int end = value.indexOf(',', i);
        end = end < 0 ? n : end;
        v = value.substring(i, end);
        i = end;
      }
      if (params.put(name, v.trim()) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static boolean isName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** The index of the quote that closes a quoted string starting at {@code from}, or -1. */
  private static int closingQuote(String value, int from) {
    for (int k = from; k < value.length(); k++) {
      char c = value.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        return k;
      }
    }
    return -1;
  }

  /** The quoted string's content, its backslash escapes removed. */
  private static String unescape(String value, int from, int to) {
    int escape = value.indexOf('\\', from);
    if (escape < 0 || escape >= to) {
      return value.substring(from, to);
    }
    StringBuilder v = new StringBuilder(to - from);
    for (int k = from; k < to; k++) {
      char c = value.charAt(k);
      v.append(c == '\\' && k + 1 < to ? value.charAt(++k) : c);
    }
    return v.toString();
  }
}
