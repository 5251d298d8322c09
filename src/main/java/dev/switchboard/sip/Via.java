package dev.switchboard.sip;

import java.util.Locale;
import java.util.Map;

/**
 * One Via value (RFC 3261 §20.42): SIP/2.0/transport sent-by;params.
 *
 * @param port the sent-by port, -1 when absent
 */
public record Via(String transport, String host, int port, Map<String, String> params) {
  /** The magic cookie of RFC 3261 branches (§8.1.1.7). */
  public static final String COOKIE = "z9hG4bK";

  /**
   * Parses one Via value. RFC 3261 §25.1 allows LWS around each '/' of the sent-protocol (SLASH),
   * around the ':' of sent-by (COLON) and before each ';' (SEMI): RFC 4475 §3.1.1.1 (wsinv).
   */
  public static Via parse(String value) throws SipParseException {
    String v = value.trim();
    int semi = v.indexOf(';');
    String head = semi < 0 ? v : v.substring(0, semi);
    int slash1 = head.indexOf('/');
    int slash2 = slash1 < 0 ? -1 : head.indexOf('/', slash1 + 1);
    if (slash2 < 0 || !head.substring(0, slash1).trim().equalsIgnoreCase("SIP")
        || !head.substring(slash1 + 1, slash2).trim().equals("2.0")) {
      throw new SipParseException("malformed Via");
    }
    String rest = head.substring(slash2 + 1).trim();
    int sp = 0;
    while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
      sp++;
    }
    String transport = rest.substring(0, sp).toUpperCase(Locale.ROOT);
    String sentBy = withoutLwsAroundColons(rest.substring(sp).trim());
    if (!SipParser.isToken(transport) || sentBy.isEmpty()) {
      throw new SipParseException("malformed Via");
    }
    Map<String, String> params = Params.parse(semi < 0 ? null : v.substring(semi + 1));
    SipUri hp = SipUri.parse("sip:" + sentBy);
    if (hp.user() != null || !hp.params().isEmpty()) {
      throw new SipParseException("malformed Via sent-by");
    }
    return new Via(transport, hp.host(), hp.port(), params);
  }

  /** "host : 5060" as "host:5060"; whitespace anywhere else stays, for the host check to refuse. */
  private static String withoutLwsAroundColons(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
          j++;
        }
        if ((j < s.length() && s.charAt(j) == ':') || (out.length() > 0 && out.charAt(out.length() - 1) == ':')) {
          i = j - 1;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  public String branch() {
    return params.get("branch");
  }
}
