package dev.switchboard.core.account;

import dev.switchboard.store.Daos;
import java.time.Instant;
import java.util.Set;

/**
 * Turns a cleartext password into the stored credentials, inside the caller's transaction. The
 * cleartext is never stored: only HA1 = H(username:realm:password) per chosen algorithm, and on the
 * MD5 row ha1b = MD5(username@domain:realm:password) for Kamailio's auth_db.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 6;

  private Passwords() {}

  public static void replace(Daos daos, Account account, String password, Set<Algorithm> algorithms, Instant now) {
    daos.passwords().deleteAll(account.id());
    for (Algorithm algorithm : algorithms) {
      String ha1 = algorithm.ha1(account.username(), account.realm(), password);
      String ha1b = algorithm == Algorithm.MD5
          ? Algorithm.MD5.hex(account.username() + "@" + account.domain() + ":" + account.realm() + ":" + password)
          : null;
      daos.passwords().insert(account.id(), algorithm.wireName(), ha1, ha1b, now);
    }
  }
}
