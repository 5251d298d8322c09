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

  public static Via parse(String value) throws SipParseException {
    String v = value.trim();
    int slash2 = v.indexOf('/', v.indexOf('/') + 1);
    int sp = v.indexOf(' ', Math.max(0, slash2));
    if (!v.regionMatches(true, 0, "SIP/2.0/", 0, 8) || slash2 != 7 || sp < 0) {
      throw new SipParseException("malformed Via");
    }
    String transport = v.substring(8, sp).trim().toUpperCase(Locale.ROOT);
    String rest = v.substring(sp + 1).trim();
    int semi = rest.indexOf(';');
    String sentBy = (semi < 0 ? rest : rest.substring(0, semi)).trim();
    Map<String, String> params = Params.parse(semi < 0 ? "" : rest.substring(semi + 1));
    SipUri hp = SipUri.parse("sip:" + sentBy);
    if (transport.isEmpty()) {
      throw new SipParseException("Via without a transport");
    }
    return new Via(transport, hp.host(), hp.port(), params);
  }

  public String branch() {
    return params.get("branch");
  }
}
