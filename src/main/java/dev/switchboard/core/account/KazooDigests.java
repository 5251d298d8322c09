package dev.switchboard.core.account;

import dev.switchboard.store.Daos;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Kazoo's login digests: MD5 and SHA-1 hex of lower(login):password, the values a Crossbar client
 * sends as user_auth credentials. The login is the account's Kazoo username when it has one (an
 * email, say), else its SIP username. Stored beside the HA1s whenever a cleartext passes through.
 */
public final class KazooDigests {
  private KazooDigests() {}

  public static String md5(String login, String password) {
    return Algorithm.MD5.hex(login.toLowerCase(Locale.ROOT) + ":" + password);
  }

  public static String sha1(String login, String password) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1")
          .digest((login.toLowerCase(Locale.ROOT) + ":" + password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  /** Replaces the account's digests with those of {@code password}, in the caller's transaction. */
  static void store(Daos daos, Account account, String password, Instant now) {
    String login = daos.kazoo().login(account.id()).orElse(account.username());
    daos.kazoo().deleteCredentials(account.id());
    insert(daos, account, login, password, now);
  }

  /** Inserts the digests of an account that has none. */
  static void insert(Daos daos, Account account, String login, String password, Instant now) {
    daos.fast().insertKazooCredentials(account.id(), md5(login, password), sha1(login, password), now);
  }
}
