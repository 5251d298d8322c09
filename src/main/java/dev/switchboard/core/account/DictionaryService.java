package dev.switchboard.core.account;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.DictionaryDao;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The per-account dictionary: string keys (1 to 255 characters) to string values. */
public final class DictionaryService {
  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public DictionaryService(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  public Map<String, String> entries(long accountId) {
    Map<String, String> out = new LinkedHashMap<>();
    for (DictionaryDao.Entry e : db.fast().dictionary(accountId)) {
      out.put(e.key(), e.value());
    }
    return out;
  }

  public Map<String, String> entries(Account caller, long accountId) {
    return entries(accounts.manageable(caller, accountId).id());
  }

  public Map<String, String> put(Account caller, long accountId, String key, String value) {
    Account account = accounts.manageable(caller, accountId);
    Validation v = new Validation();
    check(v, "key", key);
    v.check(value != null, "value", "The value field is required.");
    v.throwIfAny();
    db.tx(d -> {
      set(d, account.id(), key, value);
      return null;
    });
    return entries(account.id());
  }

  public void remove(Account caller, long accountId, String key) {
    Account account = accounts.manageable(caller, accountId);
    if (db.tx(d -> d.dictionary().delete(account.id(), key)) == 0) {
      throw new NotFoundException("Dictionary entry not found");
    }
  }

  /** Checks a whole dictionary given at account creation; errors are named dictionary.KEY. */
  public static void check(Validation v, Map<String, String> dictionary) {
    if (dictionary != null) {
      dictionary.forEach((key, value) -> check(v, "dictionary." + key, key));
    }
  }

  private static void check(Validation v, String field, String key) {
    v.check(key != null && !key.isEmpty() && key.length() <= 255, field,
        "A dictionary key must have 1 to 255 characters.");
  }

  /** Sets one entry inside the caller's transaction. */
  void set(Daos d, long accountId, String key, String value) {
    d.dictionary().delete(accountId, key);
    d.dictionary().insert(accountId, key, value, clock.instant());
  }
}
