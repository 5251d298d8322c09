package dev.switchboard.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the response to a request as RFC 3261 §8.2.6 says: Via (the top one with received and
 * rport of RFC 3581 filled in), From, To (with a tag added), Call-ID and CSeq copied.
 */
final class Responses {
  static final String SERVER = "Switchboard";

  private final Inbound in;
  private final int status;
  private final String reason;
  private final List<SipMessage.Header> extra = new ArrayList<>();

  private Responses(Inbound in, int status, String reason) {
    this.in = in;
    this.status = status;
    this.reason = reason;
  }

  static Responses to(Inbound in, int status, String reason) {
    return new Responses(in, status, reason);
  }

  Responses header(String name, String value) {
    extra.add(new SipMessage.Header(name, value));
    return this;
  }

  SipMessage build() {
    SipMessage req = in.request();
    List<SipMessage.Header> h = new ArrayList<>();
    boolean top = true;
    for (SipMessage.Header header : req.headers()) {
      if (!header.name().equalsIgnoreCase("Via")) {
        continue;
      }
      List<String> vias = new ArrayList<>();
      SipMessage.splitList(header.value(), vias);
      for (String via : vias) {
        h.add(new SipMessage.Header("Via", top ? stamped(via) : via));
        top = false;
      }
    }
    copy(req, "From", h);
    String to = req.header("To");
    if (to != null) {
      boolean tagged = hasTag(to);
      h.add(new SipMessage.Header("To", tagged || status == 100 ? to : to + ";tag=" + tag()));
    }
    copy(req, "Call-ID", h);
    copy(req, "CSeq", h);
    h.addAll(extra);
    h.add(new SipMessage.Header("Server", SERVER));
    return SipMessage.response(status, reason, h, null);
  }

  /** The top Via with received= (always, as Kamailio does) and rport= when the client asked for it. */
  private String stamped(String via) {
    String ip = in.peer().remoteIp();
    StringBuilder sb = new StringBuilder(via.length() + 40);
    for (String part : via.split(";", -1)) {
      String p = part.trim();
      if (sb.length() == 0) {
        sb.append(part.trim());
      } else if (p.equalsIgnoreCase("rport") || p.toLowerCase(java.util.Locale.ROOT).startsWith("received=")
          || p.toLowerCase(java.util.Locale.ROOT).startsWith("rport=")) {
        continue;
      } else {
        sb.append(';').append(p);
      }
    }
    sb.append(";received=").append(ip);
    if (in.via().params().containsKey("rport")) {
      sb.append(";rport=").append(in.peer().remote().getPort());
    }
    return sb.toString();
  }

  private static void copy(SipMessage req, String name, List<SipMessage.Header> h) {
    String v = req.header(name);
    if (v != null) {
      h.add(new SipMessage.Header(name, v));
    }
  }

  private static boolean hasTag(String to) {
    try {
      return Address.parse(to).tag() != null;
    } catch (SipParseException e) {
      return true; // the request checks parsed it; never append to something unparsable
    }
  }

  private static String tag() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }
}
