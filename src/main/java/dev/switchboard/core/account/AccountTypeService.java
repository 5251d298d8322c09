package dev.switchboard.core.account;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** Account types: keys in lowercase letters, digits and dashes, unique; attached to accounts by admins. */
public final class AccountTypeService {
  private static final Pattern KEY = Pattern.compile("[a-z0-9-]+");

  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public AccountTypeService(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  public List<AccountType> list() {
    return db.read(d -> d.accountTypes().list());
  }

  public AccountType get(long id) {
    return db.read(d -> d.accountTypes().find(id)).orElseThrow(() -> new NotFoundException("Account type not found"));
  }

  public List<AccountType> typesOf(long accountId) {
    return db.fast().typesOf(accountId);
  }

  public AccountType create(String key) {
    check(key, -1);
    return get(accounts.write(d -> d.accountTypes().insert(key, clock.instant())));
  }

  public AccountType update(long id, String key) {
    get(id);
    check(key, id);
    accounts.write(d -> d.accountTypes().update(id, key, clock.instant()));
    return get(id);
  }

  public void delete(long id) {
    if (db.tx(d -> d.accountTypes().delete(id)) == 0) {
      throw new NotFoundException("Account type not found");
    }
  }

  public Account attach(Account caller, long accountId, long typeId) {
    Account account = accounts.manageable(caller, accountId);
    get(typeId);
    db.tx(d -> d.accountTypes().has(account.id(), typeId) == 0 ? d.accountTypes().attach(account.id(), typeId) : 0);
    return account;
  }

  /** Removes a type from an account; false when the account did not have it. */
  public boolean detach(Account caller, long accountId, long typeId) {
    Account account = accounts.manageable(caller, accountId);
    return db.tx(d -> d.accountTypes().detach(account.id(), typeId)) > 0;
  }

  private void check(String key, long id) {
    Validation v = new Validation();
    if (key == null || key.isEmpty()) {
      v.add("key", "The key field is required.");
    } else {
      v.check(KEY.matcher(key).matches() && key.length() <= 64, "key",
          "The key must only contain lowercase letters, numbers and dashes.");
      db.read(d -> d.accountTypes().findByKey(key)).filter(t -> t.id() != id)
          .ifPresent(t -> v.add("key", "The key has already been taken."));
    }
    v.throwIfAny();
  }
}
