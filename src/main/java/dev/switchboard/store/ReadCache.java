package dev.switchboard.store;

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Results of reads kept while the stored data has not changed ({@link Changes}): an entry is served
 * only if no write committed since the read that made it began. Values must be immutable. Bounded by a
 * total weight; when full, arbitrary entries go, an eighth of the bound at a time (a stale entry is
 * never served, so which ones go only affects the hit rate).
 */
public final class ReadCache<K, V> {
  private record Entry<V>(long version, V value, long weight) {}

  private final Changes changes;
  /** Checked against {@link Changes#rewrites()} instead of {@link Changes#version()}: see {@link #ofFoundRows}. */
  private final boolean foundRows;
  private final long maxWeight;
  private final ToLongFunction<V> weigher;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong weight = new AtomicLong();

  public ReadCache(Changes changes, long maxWeight, ToLongFunction<V> weigher) {
    this(changes, false, maxWeight, weigher);
  }

  private ReadCache(Changes changes, boolean foundRows, long maxWeight, ToLongFunction<V> weigher) {
    this.changes = changes;
    this.foundRows = foundRows;
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  /** The launcher's heap (-Xmx128m), which the caches' default sizes are chosen for. */
  private static final long DEFAULT_HEAP = 128L << 20;

  /**
   * {@code atDefaultHeap} scaled to this JVM's maximum heap, so that the caches stay a bounded share of
   * whatever heap an operator gives the server (about a third of it when every cache is full).
   */
  public static long scaled(long atDefaultHeap) {
    return Math.max(1, atDefaultHeap * (Runtime.getRuntime().maxMemory() / 1024) / (DEFAULT_HEAP / 1024));
  }

  /** At most {@code maxEntries} entries. */
  public static <K, V> ReadCache<K, V> ofEntries(Changes changes, long maxEntries) {
    return new ReadCache<>(changes, maxEntries, v -> 1);
  }

  /**
   * At most {@code maxEntries} rows, each found by a key that names one row (an id, a unique column)
   * and read from that row and the rows its foreign keys name. Inserting other rows cannot change such
   * a row, so only writes that may change or remove rows make these entries stale, and sign-ups leave
   * them be. Only found rows are kept ({@link #find}): an insert may well answer a miss.
   */
  public static <K, V> ReadCache<K, V> ofFoundRows(Changes changes, long maxEntries) {
    return new ReadCache<>(changes, true, maxEntries, v -> 1);
  }

  /** The value for {@code key}, from the cache while it is current, else from {@code read}. */
  public V get(K key, Supplier<V> read) {
    if (foundRows) {
      throw new UnsupportedOperationException("a cache of found rows keeps no misses: use find");
    }
    return lookup(key, read, v -> true);
  }

  /** Like {@link #get}, but only a found value is kept: a miss is read again next time. */
  public Optional<V> find(K key, Supplier<Optional<V>> read) {
    return Optional.ofNullable(lookup(key, () -> read.get().orElse(null), Objects::nonNull));
  }

  private V lookup(K key, Supplier<V> read, Predicate<V> kept) {
    if (!enabled()) {
      return read.get();
    }
    // Taken before the read: a write committing during the read leaves this entry already stale.
    long version = foundRows ? changes.rewrites() : changes.version();
    Entry<V> hit = entries.get(key);
    if (hit != null && hit.version() == version) {
      return hit.value();
    }
    V value = read.get();
    if (kept.test(value)) {
      keep(key, version, value);
    }
    return value;
  }

  private boolean enabled() {
    return maxWeight > 0 && changes.watched();
  }

  private void keep(K key, long version, V value) {
    long w = weigher.applyAsLong(value);
    if (w > maxWeight) {
      return;
    }
    Entry<V> old = entries.put(key, new Entry<>(version, value, w));
    weight.addAndGet(w - (old == null ? 0 : old.weight()));
    evictOverflow(key);
  }

  int size() {
    return entries.size();
  }

  /**
   * Once over the bound, down to 7/8 of it: one walk of the map then makes room for many entries,
   * instead of one walk (past the bins the last walks emptied) per entry kept.
   */
  private void evictOverflow(K kept) {
    if (weight.get() <= maxWeight) {
      return;
    }
    long target = maxWeight - maxWeight / 8;
    Iterator<java.util.Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
    while (weight.get() > target && it.hasNext()) {
      var e = it.next();
      if (!e.getKey().equals(kept) && entries.remove(e.getKey(), e.getValue())) {
        weight.addAndGet(-e.getValue().weight());
      }
    }
  }
}
