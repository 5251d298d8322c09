package dev.switchboard.sip;

import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.ContactUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Contact side of a REGISTER (RFC 3261 §10.2/§10.3) and of its 200. */
final class Contacts {
  /** The parsed Contacts of a REGISTER; {@code star} for "Contact: *". */
  record Parsed(boolean star, List<ContactUpdate> updates, SipUri first) {}

  private Contacts() {}

  static Parsed parse(SipMessage m) throws SipParseException {
    Integer headerExpires = null;
    String e = m.header("Expires");
    if (e != null) {
      headerExpires = seconds(e, "Expires");
    }
    List<String> values = m.values("Contact");
    List<ContactUpdate> updates = new ArrayList<>();
    SipUri first = null;
    boolean star = false;
    for (String v : values) {
      Address a = Address.parse(v);
      if (a.star()) {
        star = true;
        continue;
      }
      Integer expires = a.params().containsKey("expires")
          ? Integer.valueOf(seconds(a.params().get("expires"), "expires")) : headerExpires;
      float q = -1;
      if (a.params().containsKey("q")) {
        try {
          q = Float.parseFloat(a.params().get("q"));
        } catch (NumberFormatException x) {
          throw new SipParseException("Malformed q");
        }
        if (q < 0 || q > 1) {
          throw new SipParseException("Malformed q");
        }
      }
      String instance = Params.unquote(a.params().get("+sip.instance"));
      int regId = 0;
      if (a.params().containsKey("reg-id")) {
        regId = seconds(a.params().get("reg-id"), "reg-id");
      }
      if (first == null) {
        first = a.uri();
      }
      updates.add(new ContactUpdate(a.uri().text(), expires, q, instance == null || instance.isEmpty() ? null : instance,
          regId));
    }
    if (star && (!updates.isEmpty() || headerExpires == null || headerExpires != 0)) {
      throw new SipParseException("Contact: * needs Expires: 0 and no other Contact");
    }
    return new Parsed(star, updates, first);
  }

  private static int seconds(String v, String what) throws SipParseException {
    try {
      long n = Long.parseLong(Params.unquote(v.trim()));
      if (n < 0) {
        throw new SipParseException("Malformed " + what);
      }
      return (int) Math.min(n, Integer.MAX_VALUE);
    } catch (NumberFormatException x) {
      throw new SipParseException("Malformed " + what);
    }
  }

  /** A Contact header value of the 200: the binding with the seconds it has left. */
  static String render(Binding b, Instant now) {
    long left = Math.max(0, b.expires().getEpochSecond() - now.getEpochSecond());
    StringBuilder sb = new StringBuilder("<").append(b.contact()).append(">;expires=").append(left);
    if (b.q() >= 0) {
      sb.append(";q=").append(b.q());
    }
    if (b.instance() != null) {
      sb.append(";+sip.instance=\"").append(b.instance()).append('"');
      if (b.regId() > 0) {
        sb.append(";reg-id=").append(b.regId());
      }
    }
    return sb.toString();
  }
}
