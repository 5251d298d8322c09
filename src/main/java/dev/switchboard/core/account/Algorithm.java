package dev.switchboard.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** A digest algorithm of RFC 7616 / RFC 8760, as FlexiAPI names them. */
public enum Algorithm {
  MD5("MD5", "MD5"),
  SHA256("SHA-256", "SHA-256");

  private final String wireName;
  private final String jcaName;

  Algorithm(String wireName, String jcaName) {
    this.wireName = wireName;
    this.jcaName = jcaName;
  }

  /** The name on the wire and in the database: MD5 or SHA-256. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Algorithm> fromWire(String name) {
    for (Algorithm a : values()) {
      if (a.wireName.equalsIgnoreCase(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Lowercase hex of this algorithm's hash of the UTF-8 text. */
  public String hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(jcaName);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is part of every JDK", e);
    }
  }

  /** HA1 = H(username:realm:password), RFC 7616 §3.4.2. */
  public String ha1(String username, String realm, String password) {
    return hex(username + ":" + realm + ":" + password);
  }
}
