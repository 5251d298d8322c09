package dev.switchboard.sip;

import dev.switchboard.core.account.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * The digest response check of RFC 7616 §3.4.1 (RFC 8760 for SHA-256) against a stored HA1:
 * qop=auth, or no qop as RFC 2069 clients send. Constant-time comparison.
 */
final class DigestResponse {
  private DigestResponse() {}

  static boolean matches(Algorithm h, String ha1, String method, Map<String, String> p) {
    String nonce = p.get("nonce");
    String uri = p.get("uri");
    String response = p.get("response");
    if (nonce == null || uri == null || response == null) {
      return false;
    }
    String ha2 = h.hex(method + ":" + uri);
    String qop = p.get("qop");
    String expected;
    if (qop == null) {
      expected = h.hex(ha1 + ":" + nonce + ":" + ha2);
    } else if (qop.equalsIgnoreCase("auth") && p.get("nc") != null && p.get("cnonce") != null) {
      expected = h.hex(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
    } else {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
