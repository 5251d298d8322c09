package dev.switchboard.auth;

import dev.switchboard.core.ThreadHmac;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Nonces only this process accepts, with nothing written per login. A nonce is
 * base64url(sequence ‖ expiry ‖ HMAC-SHA256(key, sequence ‖ expiry)[0..16]) under a key drawn at
 * start-up; the opaque is the rest of that HMAC. Another instance, or this one after a restart, sees
 * an unknown nonce and answers stale=true (fresh challenges: one more round trip, no failure counted).
 *
 * <p>Single use: the highest nc used of each of the last {@value #SLOTS} nonces issued is kept in a
 * ring, slot = sequence mod SLOTS. A nonce whose slot a newer nonce has taken is stale, so a used nc
 * is never accepted again, however many nonces are issued meanwhile.
 */
final class LocalNonces implements DigestNonces {
  private static final int SLOTS = 1 << 18;
  private static final int NC_BITS = 24;
  private static final long NC_MAX = (1L << NC_BITS) - 1;
  private static final int MAC_BYTES = 16;
  private static final int NONCE_BYTES = 16 + MAC_BYTES;

  private final ThreadHmac macs;
  private final Clock clock;
  private final long ttlSeconds;
  private final AtomicLong issued = new AtomicLong();
  /** Per slot: (sequence / SLOTS) << NC_BITS | the highest nc used (0: none yet). */
  private final AtomicLongArray used = new AtomicLongArray(SLOTS);

  LocalNonces(Clock clock, Duration ttl) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.macs = new ThreadHmac(secret);
    this.clock = clock;
    this.ttlSeconds = ttl.toSeconds();
  }

  @Override
  public Issued issue() {
    long sequence = issued.incrementAndGet();
    long expiry = clock.instant().getEpochSecond() + ttlSeconds;
    byte[] mac = mac(sequence, expiry);
    byte[] nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(sequence).putLong(expiry).put(mac, 0, MAC_BYTES).array();
    return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), opaqueOf(mac));
  }

  @Override
  public Optional<Live> live(String nonce) {
    Optional<byte[]> decoded = DigestNonces.decode(nonce, NONCE_BYTES);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    byte[] raw = decoded.get();
    ByteBuffer b = ByteBuffer.wrap(raw);
    long sequence = b.getLong();
    long expiry = b.getLong();
    byte[] mac = mac(sequence, expiry);
    if (sequence < 1 || !MessageDigest.isEqual(Arrays.copyOfRange(raw, 16, NONCE_BYTES), Arrays.copyOf(mac, MAC_BYTES))
        || expiry <= clock.instant().getEpochSecond() || used.get(slot(sequence)) >>> NC_BITS > generation(sequence)) {
      return Optional.empty();
    }
    return Optional.of(new Slot(sequence, opaqueOf(mac)));
  }

  /** A live nonce of this process: its counts are kept in the ring slot of its sequence. */
  private final class Slot implements Live {
    private final int slot;
    private final long generation;
    private final String opaque;

    Slot(long sequence, String opaque) {
      this.slot = slot(sequence);
      this.generation = generation(sequence);
      this.opaque = opaque;
    }

    @Override
    public String opaque() {
      return opaque;
    }

    @Override
    public boolean advance(long nc) {
      if (nc < 1 || nc > NC_MAX) {
        return false;
      }
      while (true) {
        long current = used.get(slot);
        long held = current >>> NC_BITS;
        if (held > generation || (held == generation && (current & NC_MAX) >= nc)) {
          return false;
        }
        if (used.compareAndSet(slot, current, generation << NC_BITS | nc)) {
          return true;
        }
      }
    }
  }

  private byte[] mac(long sequence, long expiry) {
    return macs.get().doFinal(ByteBuffer.allocate(16).putLong(sequence).putLong(expiry).array());
  }

  private static String opaqueOf(byte[] mac) {
    return HexFormat.of().formatHex(mac, MAC_BYTES, mac.length);
  }

  private static int slot(long sequence) {
    return (int) (sequence & (SLOTS - 1));
  }

  /** How many times the ring had gone round when this nonce was issued. */
  private static long generation(long sequence) {
    return sequence / SLOTS;
  }
}
