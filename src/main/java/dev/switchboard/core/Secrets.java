package dev.switchboard.core;

import dev.switchboard.core.account.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Tokens and codes are stored as their SHA-256; comparisons of secrets take constant time. */
public final class Secrets {
  private Secrets() {}

  public static String hash(String secret) {
    return Algorithm.SHA256.hex(secret);
  }

  /** An HMAC-SHA256 keyed with {@code key}; one per thread, a Mac is not thread-safe. */
  public static javax.crypto.Mac hmacSha256(byte[] key) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  public static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
