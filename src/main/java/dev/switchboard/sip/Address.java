package dev.switchboard.sip;

import java.util.Map;

/**
 * A name-addr or addr-spec of a From, To or Contact value (RFC 3261 §20.10): the URI and the header
 * parameters (tag, expires, q, +sip.instance, reg-id...). "*" is {@link #star}.
 */
public record Address(String display, SipUri uri, Map<String, String> params, boolean star) {

  public static Address parse(String value) throws SipParseException {
    String v = value.trim();
    if (v.equals("*")) {
      return new Address(null, null, Map.of(), true);
    }
    String display = null;
    String uriText;
    String rest;
    int lt = indexOutsideQuotes(v, '<');
    if (lt >= 0) {
      int gt = v.indexOf('>', lt);
      if (gt < 0) {
        throw new SipParseException("unclosed <");
      }
      display = Params.unquote(v.substring(0, lt).trim());
      uriText = v.substring(lt + 1, gt);
      rest = v.substring(gt + 1).trim();
    } else {
      // addr-spec: parameters after the URI belong to the header (§20.10).
      int semi = v.indexOf(';');
      uriText = semi < 0 ? v : v.substring(0, semi);
      rest = semi < 0 ? "" : v.substring(semi);
      // §20: a URI with '?' (or ',' or ';') must be in <>; RFC 4475 §3.1.2.13 (regbadct).
      if (uriText.indexOf('?') >= 0) {
        throw new SipParseException("URI with headers outside <>");
      }
    }
    if (!rest.isEmpty() && !rest.startsWith(";")) {
      throw new SipParseException("junk after the address");
    }
    Map<String, String> params = Params.parse(rest.isEmpty() ? null : rest.substring(1));
    return new Address(display == null || display.isEmpty() ? null : display, SipUri.parse(uriText), params, false);
  }

  private static int indexOutsideQuotes(String s, char c) {
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (ch == c && !quoted) {
        return i;
      }
    }
    return -1;
  }

  public String tag() {
    return params.get("tag");
  }
}
