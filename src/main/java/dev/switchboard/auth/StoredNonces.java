package dev.switchboard.auth;

import dev.switchboard.core.ThreadHmac;
import dev.switchboard.store.NonceUses;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Nonces every instance on the database accepts, with one write per login. A nonce is
 * base64url(instance ‖ sequence ‖ expiry ‖ HMAC-SHA256(key, instance ‖ sequence ‖ expiry)[0..16]),
 * under a key every instance on the database shares (derived from the database's secret, so it
 * survives restarts); the opaque is the rest of that HMAC. Issuing one and checking that it is live
 * (its HMAC and expiry) need no database: a challenge writes nothing. The instance part is drawn at
 * start-up, so that two instances, or two runs of one, never issue the same nonce.
 *
 * <p>Single use: {@link Live#advance} records the nc in digest_nonces, durably and once for all
 * instances ({@link NonceUses}: one upsert, batched with the other logins of the moment on PostgreSQL).
 */
final class StoredNonces implements DigestNonces {
  private static final int MAC_BYTES = 16;
  private static final int SIGNED_BYTES = 24;
  private static final int NONCE_BYTES = SIGNED_BYTES + MAC_BYTES;

  private final NonceUses uses;
  private final Clock clock;
  private final long ttlSeconds;
  private final long instance = new SecureRandom().nextLong();
  private final AtomicLong issued = new AtomicLong();
  /** Under the shared key, read by the first issue or check (from the database, so not inside MemoryOnly). */
  private final ThreadHmac macs;

  /** {@code sharedKey} gives the HMAC key; it may read the database, and is asked until it answers. */
  StoredNonces(Supplier<byte[]> sharedKey, NonceUses uses, Clock clock, Duration ttl) {
    this.macs = new ThreadHmac(sharedKey);
    this.uses = uses;
    this.clock = clock;
    this.ttlSeconds = ttl.toSeconds();
  }

  @Override
  public Issued issue() {
    long expiry = clock.instant().getEpochSecond() + ttlSeconds;
    byte[] signed = ByteBuffer.allocate(SIGNED_BYTES).putLong(instance).putLong(issued.incrementAndGet())
        .putLong(expiry).array();
    byte[] mac = macs.get().doFinal(signed);
    byte[] nonce = ByteBuffer.allocate(NONCE_BYTES).put(signed).put(mac, 0, MAC_BYTES).array();
    return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), opaqueOf(mac));
  }

  @Override
  public Optional<Live> live(String nonce) {
    Optional<byte[]> decoded = DigestNonces.decode(nonce, NONCE_BYTES);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    byte[] raw = decoded.get();
    byte[] mac = macs.get().doFinal(Arrays.copyOf(raw, SIGNED_BYTES));
    long expiry = ByteBuffer.wrap(raw, 16, 8).getLong();
    if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, SIGNED_BYTES, NONCE_BYTES), Arrays.copyOf(mac, MAC_BYTES))
        || expiry <= clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    String opaque = opaqueOf(mac);
    Instant expiresAt = Instant.ofEpochSecond(expiry);
    return Optional.of(new Live() {
      @Override
      public String opaque() {
        return opaque;
      }

      @Override
      public boolean advance(long nc) {
        return nc >= 1 && uses.use(nonce, opaque, nc, expiresAt);
      }

      @Override
      public CompletionStage<Boolean> advanceLater(long nc) {
        return nc >= 1 ? uses.useLater(nonce, opaque, nc, expiresAt) : CompletableFuture.completedFuture(false);
      }
    });
  }

  private static String opaqueOf(byte[] mac) {
    return HexFormat.of().formatHex(mac, MAC_BYTES, mac.length);
  }
}
