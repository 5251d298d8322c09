package dev.switchboard.sip;

/** The checks of RFC 3261 §8.2 every request gets before any handler sees it. */
final class RequestChecks {
  private RequestChecks() {}

  /** The reason phrase of a 400 for this request, or null when it is acceptable. */
  static String problem(SipMessage m) {
    String callId = m.header("Call-ID");
    if (callId == null || callId.isBlank()) {
      return "Missing Call-ID";
    }
    if (m.cseqNumber() < 0 || m.cseqMethod() == null) {
      return "Malformed CSeq";
    }
    if (!m.cseqMethod().equals(m.method().toUpperCase(java.util.Locale.ROOT))) {
      return "CSeq method does not match";
    }
    for (String name : new String[] {"From", "To"}) {
      String v = m.header(name);
      if (v == null) {
        return "Missing " + name;
      }
      try {
        Address.parse(v);
      } catch (SipParseException e) {
        return "Malformed " + name;
      }
    }
    return null;
  }
}
