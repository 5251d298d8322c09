package dev.switchboard.sip;

import dev.switchboard.core.ThreadHmac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;

/**
 * Stateless digest nonces: base64url(issued-at millis ‖ HMAC-SHA256(key, issued-at ‖ realm ‖ Call-ID)[0..16]).
 * Any instance holding the key (kept in the database) checks any instance's nonce without a lookup;
 * one older than the lifetime is stale (RFC 7616 §3.3: challenge again with stale=true). The
 * Call-ID is bound in so that a nonce answers only the dialog it was challenged on (a UA keeps its
 * Call-ID between the 401 and the authenticated REGISTER, RFC 3261 §10.2.4): a captured
 * nonce+response replayed under a new Call-ID, which would dodge the CSeq order, is invalid.
 */
final class Nonces {
  enum Check { VALID, STALE, INVALID }

  private static final int MAC_BYTES = 16;

  private final LongSupplier millis;
  private final long ttlMillis;
  private final ThreadHmac macs;

  Nonces(String hexKey, long ttlSeconds, LongSupplier millis) {
    byte[] key = HexFormat.of().parseHex(hexKey);
    this.ttlMillis = ttlSeconds * 1000;
    this.millis = millis;
    this.macs = new ThreadHmac(key);
  }

  String issue(String realm, String callId) {
    long now = millis.getAsLong();
    ByteBuffer b = ByteBuffer.allocate(8 + MAC_BYTES);
    b.putLong(now).put(mac(now, realm, callId));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  Check check(String nonce, String realm, String callId) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Check.INVALID;
    }
    if (raw.length != 8 + MAC_BYTES) {
      return Check.INVALID;
    }
    long issued = ByteBuffer.wrap(raw, 0, 8).getLong();
    if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, 8, raw.length), mac(issued, realm, callId))) {
      return Check.INVALID;
    }
    long age = millis.getAsLong() - issued;
    if (age < -5_000) {
      return Check.INVALID; // from the future: not ours, or a clock far off
    }
    return age > ttlMillis ? Check.STALE : Check.VALID;
  }

  private byte[] mac(long issued, String realm, String callId) {
    Mac mac = macs.get();
    mac.update(ByteBuffer.allocate(8).putLong(issued).array());
    byte[] r = realm.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    // Length-prefixed so that no (realm, Call-ID) pair reads as another.
    mac.update(ByteBuffer.allocate(4).putInt(r.length).array());
    mac.update(r);
    byte[] full = mac.doFinal(callId.getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(full, MAC_BYTES);
  }
}
