package dev.switchboard.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the wire form of RFC 3261 §7 (with the folding and compact header names of §7.3) into a
 * {@link SipMessage}. Strict about what a registrar depends on, lenient about what it ignores, and
 * bounded: at most {@link #MAX_HEADERS} headers, lines of at most {@link #MAX_LINE} characters.
 */
public final class SipParser {
  public static final int MAX_HEADERS = 128;
  public static final int MAX_LINE = 8192;

  private static final Map<String, String> COMPACT = Map.ofEntries(
      Map.entry("i", "Call-ID"), Map.entry("m", "Contact"), Map.entry("f", "From"), Map.entry("t", "To"),
      Map.entry("v", "Via"), Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"),
      Map.entry("k", "Supported"), Map.entry("e", "Content-Encoding"), Map.entry("s", "Subject"),
      Map.entry("o", "Event"), Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"));

  private SipParser() {}

  /** Parses one datagram (RFC 3261 §18.3: a body longer than Content-Length is cut, a shorter one is an error). */
  public static SipMessage parseDatagram(byte[] data, int length) throws SipParseException {
    int headEnd = headEnd(data, 0, length);
    if (headEnd < 0) {
      throw new SipParseException("no empty line after the headers");
    }
    SipMessage head = parseHead(new String(data, 0, headEnd, StandardCharsets.UTF_8));
    int bodyStart = bodyStart(data, headEnd);
    int available = length - bodyStart;
    int declared = contentLength(head, available);
    if (declared > available) {
      throw new SipParseException("body shorter than Content-Length");
    }
    return withBody(head, Arrays.copyOfRange(data, bodyStart, bodyStart + declared));
  }

  /** Index of the first byte of the blank line ending the headers, or -1. */
  static int headEnd(byte[] data, int from, int length) {
    for (int i = from; i + 1 < length; i++) {
      if (data[i] == '\n' && data[i + 1] == '\n') {
        return i;
      }
      if (data[i] == '\r' && i + 3 < length && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  static int bodyStart(byte[] data, int headEnd) {
    return data[headEnd] == '\r' ? headEnd + 4 : headEnd + 2;
  }

  /** Content-Length as declared, or {@code absent} when the header is missing. */
  static int contentLength(SipMessage head, int absent) throws SipParseException {
    String cl = head.header("Content-Length");
    if (cl == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(cl.trim());
      if (n < 0) {
        throw new SipParseException("negative Content-Length");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new SipParseException("malformed Content-Length");
    }
  }

  static SipMessage withBody(SipMessage head, byte[] body) {
    return head.isRequest()
        ? SipMessage.request(head.method(), head.uri(), head.headers(), body)
        : SipMessage.response(head.status(), head.reason(), head.headers(), body);
  }

  /** Parses the start line and headers (no body): the text before the blank line. */
  static SipMessage parseHead(String text) throws SipParseException {
    String[] lines = lines(text);
    int first = 0;
    while (first < lines.length && lines[first].isEmpty()) {
      first++; // RFC 3261 §7.5: ignore CRLFs before the start line
    }
    if (first >= lines.length) {
      throw new SipParseException("empty message");
    }
    List<SipMessage.Header> headers = new ArrayList<>();
    String name = null;
    StringBuilder value = null;
    for (int i = first + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.length() > MAX_LINE) {
        throw new SipParseException("header line too long");
      }
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (value == null) {
          throw new SipParseException("continuation line without a header");
        }
        value.append(' ').append(line.trim());
        continue;
      }
      if (name != null) {
        headers.add(new SipMessage.Header(name, value.toString().trim()));
      }
      if (headers.size() >= MAX_HEADERS) {
        throw new SipParseException("too many headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new SipParseException("header without a colon");
      }
      name = line.substring(0, colon).trim();
      if (!isToken(name)) {
        throw new SipParseException("malformed header name");
      }
      String full = COMPACT.get(name.toLowerCase(Locale.ROOT));
      name = full != null ? full : name;
      value = new StringBuilder(line.substring(colon + 1));
    }
    if (name != null) {
      headers.add(new SipMessage.Header(name, value.toString().trim()));
    }
    checkSingletons(headers);
    return startLine(lines[first], headers);
  }

  /** Headers that are not comma lists (§7.3.1), so may appear once; compact forms are expanded by now. */
  private static final String[] SINGLE = {"To", "From", "Call-ID", "CSeq", "Max-Forwards", "Content-Length", "Expires"};

  /**
   * Refuses a repeated single-value header (RFC 4475 §3.3.8 multi01, §3.3.9 mcl01: which one would
   * count is anyone's guess) and CSeq or Max-Forwards out of range (§3.1.2.5 scalarlg), for responses
   * too, which never meet the request checks.
   */
  private static void checkSingletons(List<SipMessage.Header> headers) throws SipParseException {
    for (String single : SINGLE) {
      String seen = null;
      for (SipMessage.Header h : headers) {
        if (h.name().equalsIgnoreCase(single)) {
          if (seen != null) {
            throw new SipParseException("repeated " + single);
          }
          seen = h.value();
        }
      }
      if (seen == null) {
        continue;
      }
      if (single.equals("CSeq")) {
        checkCseq(seen);
      } else if (single.equals("Max-Forwards") && !(isDigits(seen) && boundedBelow(seen, 256))) {
        throw new SipParseException("Max-Forwards out of range");
      }
    }
  }

  /** CSeq = 1*DIGIT LWS Method, the number below 2^31 (§8.1.1.5). */
  private static void checkCseq(String v) throws SipParseException {
    int sp = 0;
    while (sp < v.length() && !Character.isWhitespace(v.charAt(sp))) {
      sp++;
    }
    String number = v.substring(0, sp);
    String method = v.substring(sp).trim();
    if (!isDigits(number) || !boundedBelow(number, 1L << 31) || !isToken(method)) {
      throw new SipParseException("malformed CSeq");
    }
  }

  /** Whether the digits, leading zeros and all (wsinv's "0068"), are a number below the bound. */
  private static boolean boundedBelow(String digits, long bound) {
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      n = n * 10 + (digits.charAt(i) - '0');
      if (n >= bound) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The text cut at LF, a CR before it dropped (String.split would compile a regex per message). */
  private static String[] lines(String text) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>(24);
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
        out.add(text.substring(start, end));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out.toArray(String[]::new);
  }

  private static SipMessage startLine(String line, List<SipMessage.Header> headers) throws SipParseException {
    if (line.length() > MAX_LINE) {
      throw new SipParseException("start line too long");
    }
    if (line.startsWith("SIP/2.0 ")) {
      String rest = line.substring(8);
      int sp = rest.indexOf(' ');
      String code = sp < 0 ? rest : rest.substring(0, sp);
      if (code.length() != 3 || !code.chars().allMatch(Character::isDigit)) {
        throw new SipParseException("malformed status code");
      }
      int status = Integer.parseInt(code);
      if (status < 100 || status > 699) {
        throw new SipParseException("status code out of range");
      }
      return SipMessage.response(status, sp < 0 ? "" : rest.substring(sp + 1), headers, null);
    }
    String[] parts = line.split(" ", -1);
    if (parts.length != 3 || !parts[2].equals("SIP/2.0")) {
      throw new SipParseException("malformed request line");
    }
    if (!isToken(parts[0]) || parts[1].isEmpty() || parts[1].indexOf(':') <= 0) {
      throw new SipParseException("malformed request line");
    }
    return SipMessage.request(parts[0], parts[1], headers, null);
  }

  /** RFC 3261 §25.1 token characters. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-.!%*_+`'~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
