package dev.switchboard.core;

import java.util.function.Supplier;
import javax.crypto.Mac;

/**
 * An HMAC-SHA256 under one key for the calling thread (a Mac is not thread-safe): one kept per
 * platform thread, and a clone of a prototype for a virtual thread, which is new for each task (a
 * thread-local Mac was then built and keyed on every request: 4 % of a digest login's samples).
 */
public final class ThreadHmac {
  private final Supplier<byte[]> key;
  /** Built from the key on first use; only cloned, never used itself. */
  private volatile Mac prototype;
  private final ThreadLocal<Mac> platform = ThreadLocal.withInitial(this::cloneOfPrototype);

  /** {@code key} is asked on first use, until it answers (it may read a store). */
  public ThreadHmac(Supplier<byte[]> key) {
    this.key = key;
  }

  public ThreadHmac(byte[] key) {
    this(() -> key);
  }

  public Mac get() {
    return Thread.currentThread().isVirtual() ? cloneOfPrototype() : platform.get();
  }

  private Mac cloneOfPrototype() {
    Mac p = prototype;
    if (p == null) {
      prototype = p = Secrets.hmacSha256(key.get());
    }
    try {
      return (Mac) p.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 of the JDK clones", e);
    }
  }
}
