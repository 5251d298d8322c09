package dev.switchboard.auth;

import dev.switchboard.core.Ids;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.store.FastReads;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API keys: 40 random alphanumeric characters handed out once; only their SHA-256 is stored, and a
 * key is found by that hash. Use is recorded in memory and written in batches by {@link #flush()},
 * so that a request authenticated by key costs one indexed read and no write.
 */
public final class ApiKeys {
  private static final int LENGTH = 40;

  private final Database db;
  private final AccountService accounts;
  private final Clock clock;
  private final Duration expireAfterUnused;
  private final Map<Long, LongAdder> pendingUses = new ConcurrentHashMap<>();

  /** {@code expireAfterUnused} zero: keys never expire. */
  public ApiKeys(Database db, AccountService accounts, Clock clock, Duration expireAfterUnused) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
    this.expireAfterUnused = expireAfterUnused;
  }

  /** Issues a new key for the account and returns it; this is the only time the key is known. */
  public String create(long accountId) {
    String key = Ids.alphanumeric(LENGTH);
    db.write(daos -> daos.apiKeys().insert(accountId, hash(key), clock.instant()));
    return key;
  }

  /** The account of a valid key; empty for an unknown or expired key. */
  public Optional<Account> authenticate(String key) {
    Optional<FastReads.KeyedAccount> found = find(key);
    found.ifPresent(k -> recordUse(k.keyId()));
    return found.map(FastReads.KeyedAccount::account);
  }

  /** The key's account, with no use recorded ({@link #recordUse} does that). */
  Optional<FastReads.KeyedAccount> find(String key) {
    if (key == null || key.isBlank() || key.length() > 256) {
      return Optional.empty();
    }
    String hash = hash(key);
    Optional<FastReads.KeyedAccount> row = db.fast().accountByApiKeyHash(hash);
    if (row.isPresent() && looksExpired(row.get())) {
      // A cached row's last use may predate uses recorded since (its own are not cached, nor other
      // instances'): only the stored one decides.
      row = db.fast().accountByApiKeyHashUncached(hash);
      if (row.isPresent() && looksExpired(row.get())) {
        long id = row.get().keyId();
        db.write(daos -> daos.apiKeys().delete(id));
        return Optional.empty();
      }
    }
    return row;
  }

  /** Counts a use of the key, written with the others by {@link #flush}. */
  void recordUse(long keyId) {
    pendingUses.computeIfAbsent(keyId, id -> new LongAdder()).increment();
  }

  private boolean looksExpired(FastReads.KeyedAccount row) {
    return !expireAfterUnused.isZero() && !pendingUses.containsKey(row.keyId())
        && row.lastUsedAt().plus(expireAfterUnused).isBefore(clock.instant());
  }

  /** Writes the recorded uses (last_used_at, request counts) in one transaction. Called periodically and at shutdown. */
  public void flush() {
    Instant now = clock.instant();
    List<Long> ids = new ArrayList<>();
    List<Long> uses = new ArrayList<>();
    for (Long id : pendingUses.keySet()) {
      LongAdder adder = pendingUses.remove(id);
      if (adder != null) {
        ids.add(id);
        uses.add(adder.sum());
      }
    }
    if (!ids.isEmpty()) {
      db.tx(daos -> daos.apiKeys().touchAll(ids, uses, now));
    }
  }

  static String hash(String key) {
    return Algorithm.SHA256.hex(key);
  }
}
