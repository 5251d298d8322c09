package dev.switchboard.core.registration;

import dev.switchboard.core.Ids;
import dev.switchboard.store.Database;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The credentials the registrar checks (accounts' and devices' HA1s) and the nonce key all instances share. */
public final class SipCredentials {
  /** A domain's answer is kept this long: a REGISTER storm must not read the domains table each time. */
  private static final long DOMAIN_TTL_MILLIS = 10_000;
  private static final int MAX_CACHED_DOMAINS = 10_000;

  private record Served(boolean local, long atMillis) {}

  private final Database db;
  private final ConcurrentHashMap<String, Served> domains = new ConcurrentHashMap<>();

  public SipCredentials(Database db) {
    this.db = db;
  }

  /** Whether {@code domain} is a local domain of the domains table (RFC 3261 §10.3 step 1); cached for 10 s. */
  public boolean servesDomain(String domain) {
    String name = domain.toLowerCase(Locale.ROOT);
    long now = System.currentTimeMillis();
    Served s = domains.get(name);
    if (s == null || now - s.atMillis() > DOMAIN_TTL_MILLIS) {
      if (domains.size() > MAX_CACHED_DOMAINS) {
        domains.clear(); // probes of made-up domains must not grow this without bound
      }
      s = new Served(db.sip().localDomain(name), now);
      domains.put(name, s);
    }
    return s.local();
  }

  /** Who registers as username@domain, if anyone (domain in lower case, as stored). */
  public Optional<SipCredential> find(String username, String domain) {
    return db.sip().credential(username, domain);
  }

  /**
   * The HMAC key of the registrar's nonces: 32 random bytes, created once per database, so that every
   * instance on it shares the key. The HTTP digest nonces of database mode use a key derived from it.
   */
  public String nonceKey() {
    return db.sip().secret("nonce", () -> Ids.hex(32));
  }
}
