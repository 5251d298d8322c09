package dev.switchboard.core;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers and secrets, all from one SecureRandom. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ids() {}

  /**
   * 32 lowercase hex characters, the uuid form Kazoo and Wazo expect: the creation's millisecond in
   * the first 12, then 80 random bits (UUIDv7's layout, as CouchDB's sequential uuids are ordered). New
   * rows then go to the end of a uuid index; random ones each rewrote a random page of it.
   */
  public static String uuid() {
    return HexFormat.of().toHexDigits(System.currentTimeMillis()).substring(4) + hex(10);
  }

  public static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A numeric code of {@code digits} digits (codes people type from an SMS or a mail). */
  public static String digits(int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = (char) ('0' + RANDOM.nextInt(10));
    }
    return new String(out);
  }

  /** A secret of {@code length} characters from [A-Za-z0-9] (about 5.95 bits each). */
  public static String alphanumeric(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
    }
    return new String(out);
  }
}
