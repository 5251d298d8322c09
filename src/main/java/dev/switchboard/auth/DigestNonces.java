package dev.switchboard.auth;

import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where digest nonces live: shared by every instance on the database, their uses recorded there with
 * one write per login ({@link StoredNonces}), or in this instance's memory, with no write per login
 * ({@link LocalNonces}). Either way each nc of a nonce is accepted once.
 */
interface DigestNonces {
  record Issued(String nonce, String opaque) {}

  /** A nonce found live: what it was issued with, and the way to use one of its counts. */
  interface Live {
    String opaque();

    /** Uses {@code nc}: false when that nc, or a higher one, was used already. */
    boolean advance(long nc);

    /** {@link #advance}, completed once the use is recorded (when it waits on a database, without waiting). */
    default CompletionStage<Boolean> advanceLater(long nc) {
      return CompletableFuture.completedFuture(advance(nc));
    }
  }

  Issued issue();

  /** The nonce while it is live; empty when it is unknown or expired (stale). */
  Optional<Live> live(String nonce);

  /** The bytes of a base64url nonce of this length; empty for anything else (such a nonce is unknown). */
  static Optional<byte[]> decode(String nonce, int length) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(nonce);
      return raw.length == length ? Optional.of(raw) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
