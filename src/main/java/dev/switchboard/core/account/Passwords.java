package dev.switchboard.core.account;

import dev.switchboard.store.Daos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a cleartext password into the stored credentials, inside the caller's transaction. The
 * cleartext is not stored here: only HA1 = H(username:realm:password) per chosen algorithm, on
 * the MD5 row ha1b = MD5(username@domain:realm:password) for Kamailio's auth_db, and Kazoo's login
 * digests ({@link KazooDigests}). Any encrypted
 * cleartext kept for Hermes is dropped; {@link LineService} seals a new one where it must.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 6;

  private Passwords() {}

  /** Makes {@code password} the account's only password, stored with exactly these algorithms. */
  public static void replace(Daos daos, Account account, String password, Set<Algorithm> algorithms, Instant now) {
    daos.passwords().deleteAll(account.id());
    daos.hermes().deleteSecret(account.id());
    insert(daos, account, password, algorithms, now);
  }

  /**
   * A new account's credentials, hashed before its transaction: on SQLite that transaction holds
   * the one write lane, and the digests cost more there than the inserts. Kept with the cleartext
   * they came from, in case the account's address turns out different from the one hashed.
   */
  public record Hashed(String username, String realm, String password, Set<Algorithm> algorithms,
      Map<Algorithm, String[]> ha1s, String kazooMd5, String kazooSha1) {}

  /** Hashes {@code password} for username@domain (the realm is the domain, see {@link Account#realm}). */
  public static Hashed hash(String username, String domain, String password, Set<Algorithm> algorithms) {
    Map<Algorithm, String[]> ha1s = new EnumMap<>(Algorithm.class);
    for (Algorithm algorithm : algorithms) {
      String ha1 = algorithm.ha1(username, domain, password);
      String ha1b = algorithm == Algorithm.MD5
          ? Algorithm.MD5.hex(username + "@" + domain + ":" + domain + ":" + password)
          : null;
      ha1s.put(algorithm, new String[] {ha1, ha1b});
    }
    return new Hashed(username, domain, password, Set.copyOf(algorithms), ha1s, KazooDigests.md5(username, password),
        KazooDigests.sha1(username, password));
  }

  /**
   * As {@link #replace}, for an account inserted in this transaction: it has no password, secret or
   * Kazoo login yet (ids are never reused, and every such row goes with its account), so there is
   * nothing to delete or look up first.
   */
  static List<Password> initial(Daos daos, Account account, Hashed hashed, Instant now) {
    Hashed h = hashed.username().equals(account.username()) && hashed.realm().equals(account.realm())
        && account.realm().equals(account.domain()) ? hashed
        : hash(account.username(), account.domain(), hashed.password(), hashed.algorithms());
    daos.fast().insertKazooCredentials(account.id(), h.kazooMd5(), h.kazooSha1(), now);
    return insertHa1s(daos, account, h, now);
  }

  /**
   * Sets {@code password} with one algorithm. Another algorithm's HA1 is kept only when it is the
   * HA1 of the same password: setting one password once per algorithm gives an account both HA1s,
   * while a different password removes the other algorithm's stale hash.
   */
  public static void set(Daos daos, Account account, String password, Algorithm algorithm, Instant now) {
    // A cleartext kept for Hermes is stale once the password changes elsewhere.
    daos.hermes().deleteSecret(account.id());
    for (Password existing : daos.passwords().list(account.id())) {
      if (existing.algorithm() == algorithm || !matches(account, existing, password)) {
        daos.passwords().delete(account.id(), existing.algorithm().wireName());
      }
    }
    insert(daos, account, password, Set.of(algorithm), now);
  }

  /** True when {@code password} is the password behind this stored HA1 (constant-time comparison). */
  public static boolean matches(Account account, Password stored, String password) {
    return dev.switchboard.core.Secrets.equal(stored.ha1(),
        stored.algorithm().ha1(account.username(), account.realm(), password));
  }

  private static void insert(Daos daos, Account account, String password, Set<Algorithm> algorithms, Instant now) {
    KazooDigests.store(daos, account, password, now);
    insertHa1s(daos, account, hash(account.username(), account.realm(), password, algorithms), now);
  }

  /** Inserts the HA1s; returns them as stored, in algorithm order as a read lists them. */
  private static List<Password> insertHa1s(Daos daos, Account account, Hashed hashed, Instant now) {
    List<Password> inserted = new ArrayList<>(hashed.ha1s().size());
    hashed.ha1s().forEach((algorithm, ha1) -> {
      daos.fast().insertPassword(account.id(), algorithm.wireName(), ha1[0], ha1[1], now);
      inserted.add(new Password(account.id(), algorithm, ha1[0], ha1[1]));
    });
    return inserted;
  }
}
