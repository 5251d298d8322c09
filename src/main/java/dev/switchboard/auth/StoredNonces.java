package dev.switchboard.auth;

import dev.switchboard.core.Ids;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Nonces in the database: every instance accepts the others' nonces; two writes per login. */
final class StoredNonces implements DigestNonces {
  private final Database db;
  private final Clock clock;
  private final Duration ttl;

  StoredNonces(Database db, Clock clock, Duration ttl) {
    this.db = db;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Issued issue() {
    Issued issued = new Issued(Ids.hex(16), Ids.hex(16));
    db.write(daos -> daos.nonces().insert(issued.nonce(), issued.opaque(), clock.instant().plus(ttl)));
    return issued;
  }

  @Override
  public Optional<Live> live(String nonce) {
    return db.fast().nonce(nonce).filter(row -> row.expiresAt().isAfter(clock.instant()))
        .map(row -> new Live() {
          @Override
          public String opaque() {
            return row.opaque();
          }

          @Override
          public boolean advance(long nc) {
            return db.write(daos -> daos.nonces().advance(nonce, nc)) > 0;
          }
        });
  }
}
