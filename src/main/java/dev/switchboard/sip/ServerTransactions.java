package dev.switchboard.sip;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Non-INVITE server transactions (RFC 3261 §17.2.2), keyed per §17.2.3 by the top Via's branch,
 * sent-by and the method. A retransmission that arrives while the request is being handled
 * (Trying) is absorbed; one that arrives after the final response (Completed) gets that response
 * again. Over UDP a transaction lingers Timer J = 64*T1 after its final response; over TCP it ends
 * at once (§17.2.2: J is 0 for reliable transports). Requests without an RFC 3261 branch are keyed
 * by Call-ID, CSeq, From tag and the top Via as §17.2.3 suggests for RFC 2543 peers.
 *
 * <p>Bounded: beyond {@link #MAX_LINGERING} completed transactions the oldest end before their Timer J
 * (at 2,000 REGISTERs/s, J alone would hold 128,000 responses). A retransmission arriving after that
 * is handled again, which the registrar answers as it did the first time.
 */
final class ServerTransactions {
  /** What to do with an incoming request. */
  sealed interface Begin {
    /** A new transaction: hand the request to the registrar, then call {@link #complete}. */
    record Fresh(Object key) implements Begin {}

    /** A retransmission: send {@code response} again, or nothing when it is still being handled. */
    record Retransmission(byte[] response) implements Begin {}
  }

  static final int MAX_LINGERING = 32_768;

  private record Key(String branch, String sentBy, String method) {}

  private record Expiry(Object key, long deadline) {}

  private static final class Entry {
    volatile byte[] response;
  }

  private final Map<Object, Entry> live = new ConcurrentHashMap<>();
  private final Queue<Expiry> expiries = new ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger lingering = new java.util.concurrent.atomic.AtomicInteger();
  private final LongSupplier millis;
  private final long timerJ;

  ServerTransactions(LongSupplier millis, long t1Millis) {
    this.millis = millis;
    this.timerJ = 64 * t1Millis;
  }

  static Object key(SipMessage request, Via top) {
    String branch = top.branch();
    String method = request.method().equals("ACK") ? "INVITE" : request.method();
    if (branch != null && branch.startsWith(Via.COOKIE)) {
      return new Key(branch, top.host() + ":" + top.port(), method);
    }
    return String.join("|", "2543", request.header("Call-ID"), request.header("CSeq"), request.header("From"),
        request.header("Via"));
  }

  Begin begin(Object key) {
    Entry fresh = new Entry();
    Entry existing = live.putIfAbsent(key, fresh);
    return existing == null ? new Begin.Fresh(key) : new Begin.Retransmission(existing.response);
  }

  /** Records the final response; the transaction lingers Timer J (unreliable) or ends now. */
  void complete(Object key, byte[] response, boolean reliable) {
    Entry e = live.get(key);
    if (e == null) {
      return;
    }
    if (reliable) {
      live.remove(key);
      return;
    }
    e.response = response;
    // Timer J is the same for every transaction, so deadlines arrive in queue order.
    expiries.add(new Expiry(key, millis.getAsLong() + timerJ));
    if (lingering.incrementAndGet() > MAX_LINGERING) {
      Expiry oldest = expiries.poll();
      if (oldest != null) {
        live.remove(oldest.key());
        lingering.decrementAndGet();
      }
    }
  }

  /** Ends the transactions whose Timer J fired; returns how many. */
  int sweep() {
    long now = millis.getAsLong();
    int n = 0;
    for (Expiry head; (head = expiries.peek()) != null && head.deadline() <= now; ) {
      if (expiries.remove(head)) {
        live.remove(head.key());
        lingering.decrementAndGet();
        n++;
      }
    }
    return n;
  }

  int size() {
    return live.size();
  }
}
