package dev.switchboard.core;

/**
 * SQL LIKE patterns (with `!` as the escape character: a backslash inside a quoted literal trips
 * JDBI's statement parser) built from what people type.
 */
public final class Like {
  private Like() {}

  /** A glob: `*` any run of characters, `?` one character, everything else literal. */
  public static String glob(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> b.append('%');
        case '?' -> b.append('_');
        default -> literal(b, c);
      }
    }
    return b.toString();
  }

  /** Values containing {@code text} literally. */
  public static String contains(String text) {
    StringBuilder b = new StringBuilder("%");
    for (char c : text.toCharArray()) {
      literal(b, c);
    }
    return b.append('%').toString();
  }

  private static void literal(StringBuilder b, char c) {
    if (c == '%' || c == '_' || c == '!') {
      b.append('!');
    }
    b.append(c);
  }
}
