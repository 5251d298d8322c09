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

  public static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
