package dev.switchboard.core.registration;

import dev.switchboard.core.Ids;
import dev.switchboard.store.Database;
import java.util.Optional;

/** The credentials the registrar checks (accounts' and devices' HA1s) and the nonce key all instances share. */
public final class SipCredentials {
  private final Database db;

  public SipCredentials(Database db) {
    this.db = db;
  }

  /** Who registers as username@domain, if anyone (domain in lower case, as stored). */
  public Optional<SipCredential> find(String username, String domain) {
    return db.sip().credential(username, domain);
  }

  /** The HMAC key of the registrar's nonces: 32 random bytes, created once per database. */
  public String nonceKey() {
    return db.sip().secret("nonce", () -> Ids.hex(32));
  }
}
