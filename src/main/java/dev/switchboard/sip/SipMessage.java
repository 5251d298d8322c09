package dev.switchboard.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SIP request or response (RFC 3261 §7): the start line, the headers in wire order and the body.
 * Header names compare case-insensitively and the compact forms of §7.3.3 are expanded on parse.
 * Immutable once built, except through {@link #withHeader} and friends, which copy.
 */
public final class SipMessage {
  /** One header line; a comma-separated value is split only on request ({@link #values}). */
  public record Header(String name, String value) {}

  private final String method;
  private final String uri;
  private final int status;
  private final String reason;
  private final List<Header> headers;
  private final byte[] body;

  private SipMessage(String method, String uri, int status, String reason, List<Header> headers, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.status = status;
    this.reason = reason;
    this.headers = List.copyOf(headers);
    this.body = body;
  }

  public static SipMessage request(String method, String uri, List<Header> headers, byte[] body) {
    return new SipMessage(method, uri, 0, null, headers, body == null ? new byte[0] : body);
  }

  public static SipMessage response(int status, String reason, List<Header> headers, byte[] body) {
    return new SipMessage(null, null, status, reason, headers, body == null ? new byte[0] : body);
  }

  public boolean isRequest() {
    return method != null;
  }

  public String method() {
    return method;
  }

  public String uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public List<Header> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  /** The first value of the header, or null. */
  public String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /** Every value of the header, comma-separated lists split (outside quotes and angle brackets). */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>();
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        splitList(h.value(), out);
      }
    }
    return out;
  }

  /** The CSeq method, upper case, or null when the header is missing or malformed. */
  public String cseqMethod() {
    String cseq = header("CSeq");
    if (cseq == null) {
      return null;
    }
    int sp = cseq.trim().indexOf(' ');
    return sp < 0 ? null : cseq.trim().substring(sp + 1).trim().toUpperCase(Locale.ROOT);
  }

  /** The CSeq number, or -1 when the header is missing or malformed. */
  public long cseqNumber() {
    String cseq = header("CSeq");
    if (cseq == null) {
      return -1;
    }
    String t = cseq.trim();
    int sp = t.indexOf(' ');
    try {
      long n = Long.parseLong(sp < 0 ? t : t.substring(0, sp));
      return n >= 0 && n < (1L << 31) ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public SipMessage withHeaders(List<Header> replaced) {
    return new SipMessage(method, uri, status, reason, replaced, body);
  }

  /** The wire form, with a Content-Length that matches the body (any given one is replaced). */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder(512);
    if (isRequest()) {
      sb.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
    } else {
      sb.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    }
    for (Header h : headers) {
      if (!h.name().equalsIgnoreCase("Content-Length")) {
        sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
    }
    sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  @Override
  public String toString() {
    return isRequest() ? method + " " + uri : status + " " + reason;
  }

  static void splitList(String value, List<String> out) {
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        addTrimmed(value.substring(start, i), out);
        start = i + 1;
      }
    }
    addTrimmed(value.substring(start), out);
  }

  private static void addTrimmed(String part, List<String> out) {
    String t = part.trim();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
