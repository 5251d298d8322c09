package dev.switchboard.sip;

import java.util.Locale;
import java.util.Map;

/**
 * A sip: or sips: URI (RFC 3261 §19.1): user, host, port (-1 when absent) and parameters.
 *
 * @param text the URI as written
 */
public record SipUri(String text, String scheme, String user, String host, int port, Map<String, String> params) {

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
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
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
    int semi = rest.indexOf(';');
    String hostport = semi < 0 ? rest : rest.substring(0, semi);
    Map<String, String> params = Params.parse(semi < 0 ? "" : rest.substring(semi + 1));
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
    return new SipUri(t, scheme, user == null || user.isEmpty() ? null : user, host.toLowerCase(Locale.ROOT), port, params);
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
