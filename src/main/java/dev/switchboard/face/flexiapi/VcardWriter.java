package dev.switchboard.face.flexiapi;

import java.nio.charset.StandardCharsets;

/**
 * Writes vCard 4.0 text (RFC 6350) straight into one buffer: CRLF line ends, lines folded before 75
 * octets without splitting a UTF-8 sequence (3.2), TEXT values escaped (3.4), newlines escaped in
 * every value. ez-vcard built a property tree per card and spent 20 µs per contact doing it; a
 * contacts list of 1,000 cards is one buffer here.
 */
final class VcardWriter {
  private static final int FOLD_OCTETS = 75;

  private final StringBuilder out = new StringBuilder(256);

  void begin() {
    out.append("BEGIN:VCARD\r\nVERSION:4.0\r\n");
  }

  void end() {
    out.append("END:VCARD\r\n");
  }

  /** A TEXT value (FN, KIND): backslash, comma and semicolon escaped, newlines as \n. */
  void text(String name, String value) {
    line(name, value, true);
  }

  /** A URI or a structured value written as is (IMPP, X-LINPHONE-*): only newlines escaped. */
  void raw(String name, String value) {
    line(name, value, false);
  }

  byte[] bytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void line(String name, String value, boolean text) {
    out.append(name).append(':');
    int octets = name.length() + 1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String escaped = null;
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
          i++;
        }
        escaped = "\\n";
      } else if (text && (c == '\\' || c == ',' || c == ';')) {
        escaped = c == '\\' ? "\\\\" : c == ',' ? "\\," : "\\;";
      }
      if (escaped != null) {
        octets = fold(octets, 2);
        out.append(escaped);
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        octets = fold(octets, 4);
        out.append(c).append(value.charAt(++i));
      } else {
        octets = fold(octets, c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
        out.append(c);
      }
    }
    out.append("\r\n");
  }

  /** Folds (CRLF and one space) when the next {@code width} octets would pass the line limit. */
  private int fold(int octets, int width) {
    if (octets + width > FOLD_OCTETS) {
      out.append("\r\n ");
      return 1 + width;
    }
    return octets + width;
  }
}
