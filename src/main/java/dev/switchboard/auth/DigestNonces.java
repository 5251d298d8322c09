package dev.switchboard.auth;

import java.util.Optional;

/**
 * Where digest nonces live: in the database, shared by every instance ({@link StoredNonces}), or in
 * this instance's memory, with no write per login ({@link LocalNonces}). Either way each nc of a
 * nonce is accepted once.
 */
interface DigestNonces {
  record Issued(String nonce, String opaque) {}

  Issued issue();

  /** The opaque issued with this nonce while it is live; empty when it is unknown or expired (stale). */
  Optional<String> opaque(String nonce);

  /** Uses {@code nc} of the nonce: false when that nc, or a higher one, was used already. */
  boolean advance(String nonce, long nc);
}
