package dev.switchboard.sip;

import java.util.Locale;
import java.util.Map;

/**
 * A sip: or sips: URI (RFC 3261 §19.1): user, host, port (-1 when absent) and parameters.
 *
 * @param text the URI as written
 * @param user the user with its escapes decoded (§19.1.4: {@code sip:%75se%72@h} is {@code sip:user@h}),
 *     so that an account lookup compares what the RFC compares; see {@link #canonicalUser}
 * @param rawUser the user as written
 */
public record SipUri(String text, String scheme, String user, String rawUser, String host, int port,
    Map<String, String> params) {

  public static SipUri parse(String text) throws SipParseException {
    String t = text.trim();
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw new SipParseException("URI without a scheme");
    }
    String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("sip") && !scheme.equals("sips")) {
      throw new SipParseException("not a sip: URI");
    }
    String rest = t.substring(colon + 1);
    // The user may hold '?', ';' and '/' (RFC 4475 §3.1.1.2, intmeth) but never an unescaped '@',
    // nor may the host, parameters or headers: the last '@' ends the userinfo.
    int at = rest.lastIndexOf('@');
    String user = null;
    if (at >= 0) {
      user = rest.substring(0, at);
      int pw = user.indexOf(':');
      if (pw >= 0) {
        user = user.substring(0, pw);
      }
      rest = rest.substring(at + 1);
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    int semi = rest.indexOf(';');
    String hostport = semi < 0 ? rest : rest.substring(0, semi);
    Map<String, String> params = Params.parse(semi < 0 ? null : rest.substring(semi + 1));
    String host;
    int port = -1;
    if (hostport.startsWith("[")) {
      int close = hostport.indexOf(']');
      if (close < 0) {
        throw new SipParseException("malformed IPv6 host");
      }
      host = hostport.substring(0, close + 1);
      if (close + 1 < hostport.length()) {
        if (hostport.charAt(close + 1) != ':') {
          throw new SipParseException("malformed host");
        }
        port = port(hostport.substring(close + 2));
      }
    } else {
      int pc = hostport.indexOf(':');
      host = pc < 0 ? hostport : hostport.substring(0, pc);
      if (pc >= 0) {
        port = port(hostport.substring(pc + 1));
      }
    }
    if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-.[]:_".indexOf(c) >= 0)) {
      throw new SipParseException("malformed host");
    }
    String raw = user == null || user.isEmpty() ? null : user;
    return new SipUri(t, scheme, raw == null ? null : canonicalUser(raw), raw, host.toLowerCase(Locale.ROOT), port, params);
  }

  /**
   * The user with each escape of a printable ASCII character (space to '~') decoded. An escape of
   * '%', of a control character (escnull's {@code %00}) or of a non-ASCII byte stays, with upper-case
   * hex: a decoded NUL would reach the stores (PostgreSQL refuses it in text), a decoded '%' would make
   * {@code %2500} and {@code %00} the same user. Two users equal under §19.1.4 get the same form,
   * except UTF-8 written raw against the same bytes escaped. A '%' not followed by two hex digits
   * is refused.
   */
  static String canonicalUser(String raw) throws SipParseException {
    int pct = raw.indexOf('%');
    if (pct < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    out.append(raw, 0, pct);
    for (int i = pct; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int hi = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
      int lo = hi < 0 ? -1 : hex(raw.charAt(i + 2));
      if (lo < 0) {
        throw new SipParseException("malformed escape in URI user");
      }
      int b = hi * 16 + lo;
      if (b >= 0x20 && b <= 0x7e && b != '%') {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(raw.charAt(i + 1))).append(Character.toUpperCase(raw.charAt(i + 2)));
      }
      i += 2;
    }
    return out.toString();
  }

  /** An ASCII hex digit's value, or -1 (Character.digit would take other scripts' digits too). */
  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  static int port(String s) throws SipParseException {
    try {
      int p = Integer.parseInt(s);
      if (p <= 0 || p > 65535) {
        throw new SipParseException("port out of range");
      }
      return p;
    } catch (NumberFormatException e) {
      throw new SipParseException("malformed port");
    }
  }

  /** The transport parameter, upper case; UDP when absent (TCP for sips). */
  public String transport() {
    String t = params.get("transport");
    if (t == null || t.isEmpty()) {
      return scheme.equals("sips") ? "TLS" : "UDP";
    }
    return t.toUpperCase(Locale.ROOT);
  }

  public int portOrDefault() {
    return port > 0 ? port : scheme.equals("sips") ? 5061 : 5060;
  }
}
