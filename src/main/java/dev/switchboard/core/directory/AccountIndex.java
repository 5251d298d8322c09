package dev.switchboard.core.directory;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.alias.Alias;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts the phone directory searches, in memory: each account's folded key (display name,
 * username, phone, E.164 aliases) with a trigram index, so that a substring lookup reads a few
 * posting lists instead of scanning every account. The index is rebuilt in the background once it
 * is older than its refresh period, so changes (from this instance or another) show within it.
 */
final class AccountIndex {
  private static final Logger LOG = LoggerFactory.getLogger(AccountIndex.class);

  /** An account as the directory shows it: name and its numbers with their labels, in order. */
  record Entry(String domain, String name, List<String[]> numbers) {}

  private record Snapshot(Entry[] entries, String[] keys, Map<Long, int[]> trigrams, Instant builtAt) {}

  private final Database db;
  private final Clock clock;
  private final Duration refresh;
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private volatile Snapshot snapshot;

  AccountIndex(Database db, Clock clock, Duration refresh) {
    this.db = db;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** Entries whose key contains the folded term, in account order, at most {@code limit}. */
  List<Entry> search(String folded, int limit) {
    Snapshot s = current();
    List<Entry> out = new ArrayList<>();
    if (folded.length() < 3) {
      for (int i = 0; i < s.keys().length && out.size() < limit; i++) {
        if (s.keys()[i].contains(folded)) {
          out.add(s.entries()[i]);
        }
      }
      return out;
    }
    // Smallest posting list first; the others only filter it (binary search), so a common trigram
    // such as "per" in every "person N" costs a lookup per candidate, not a walk of its whole list.
    List<int[]> lists = new ArrayList<>();
    for (int i = 0; i + 3 <= folded.length(); i++) {
      int[] posting = s.trigrams().get(trigram(folded, i));
      if (posting == null) {
        return out;
      }
      lists.add(posting);
    }
    lists.sort((x, y) -> Integer.compare(x.length, y.length));
    int[] candidates = lists.get(0);
    for (int k = 1; k < lists.size() && candidates.length > 0; k++) {
      candidates = filter(candidates, lists.get(k));
    }
    for (int id : candidates) {
      if (s.keys()[id].contains(folded)) {
        out.add(s.entries()[id]);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null) {
      synchronized (this) {
        if (snapshot == null) {
          snapshot = build();
        }
        return snapshot;
      }
    }
    if (s.builtAt().plus(refresh).isBefore(clock.instant()) && rebuilding.compareAndSet(false, true)) {
      Thread.ofVirtual().start(() -> {
        try {
          snapshot = build();
        } catch (RuntimeException e) {
          LOG.warn("directory index rebuild failed, keeping the previous one: {}", e.toString());
        } finally {
          rebuilding.set(false);
        }
      });
    }
    return s;
  }

  private Snapshot build() {
    Instant started = clock.instant();
    List<Account> accounts = db.read(d -> d.accounts().allLocal());
    Map<String, List<String>> e164 = new HashMap<>();
    for (Alias alias : db.read(d -> d.directory().e164Aliases())) {
      e164.computeIfAbsent(alias.destinationUsername() + "@" + alias.destinationDomain(), k -> new ArrayList<>())
          .add(alias.aliasUsername());
    }
    Entry[] entries = new Entry[accounts.size()];
    String[] keys = new String[accounts.size()];
    Map<Long, IntList> postings = new HashMap<>();
    for (int i = 0; i < entries.length; i++) {
      Account a = accounts.get(i);
      String name = a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
      List<String[]> numbers = new ArrayList<>();
      numbers.add(new String[] {a.username(), ""});
      List<String> aliases = e164.getOrDefault(a.username() + "@" + a.domain(), List.of());
      aliases.forEach(n -> numbers.add(new String[] {n, "direct"}));
      if (a.phone() != null) {
        numbers.add(new String[] {a.phone(), "mobile"});
      }
      entries[i] = new Entry(a.domain(), name, List.copyOf(numbers));
      keys[i] = Fold.accountKey(a.displayName(), a.username(), a.phone()) + " " + String.join(" ", aliases);
      String key = keys[i];
      for (int j = 0; j + 3 <= key.length(); j++) {
        postings.computeIfAbsent(trigram(key, j), k -> new IntList()).addOnce(i);
      }
    }
    Map<Long, int[]> trigrams = new HashMap<>(postings.size() * 2);
    postings.forEach((k, v) -> trigrams.put(k, v.toArray()));
    LOG.debug("directory index: {} accounts, {} trigrams, built in {} ms", entries.length, trigrams.size(),
        Duration.between(started, clock.instant()).toMillis());
    return new Snapshot(entries, keys, trigrams, started);
  }

  /**
   * Three characters as one long, multiplied by an odd constant (a bijection) so that HashMap's
   * hash of it spreads: the raw packing collides and degrades buckets into trees.
   */
  private static long trigram(String s, int i) {
    return (((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2)) * 0x9E3779B97F4A7C15L;
  }

  /** A growable list of ints in ascending order (account positions), without boxing. */
  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void addOnce(int value) {
      if (size > 0 && values[size - 1] == value) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** The candidates that also appear in the sorted posting list. */
  private static int[] filter(int[] candidates, int[] posting) {
    int[] out = new int[candidates.length];
    int n = 0;
    for (int c : candidates) {
      if (Arrays.binarySearch(posting, c) >= 0) {
        out[n++] = c;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
