package dev.switchboard.core.account;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.store.Database;
import dev.switchboard.store.DuplicateKeyException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DTMF actions of an account. They only make sense for an account with a DTMF protocol: every
 * action endpoint answers 403 for an account without one.
 */
public final class ActionService {
  private static final Pattern KEY = Pattern.compile("[a-z0-9-]+");
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+");

  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public ActionService(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  public List<Action> actionsOf(long accountId) {
    return db.fast().actionsOf(accountId);
  }

  public List<Action> list(Account caller, long accountId) {
    return actionsOf(withDtmf(caller, accountId).id());
  }

  public Action get(Account caller, long accountId, long actionId) {
    Account account = withDtmf(caller, accountId);
    return db.read(d -> d.actions().find(account.id(), actionId))
        .orElseThrow(() -> new NotFoundException("Action not found"));
  }

  public Action create(Account caller, long accountId, String key, String code) {
    Account account = withDtmf(caller, accountId);
    check(key, code);
    long id = unique(() -> db.tx(d -> d.actions().insert(account.id(), key, code, clock.instant())));
    return get(caller, accountId, id);
  }

  public Action update(Account caller, long accountId, long actionId, String key, String code) {
    Action action = get(caller, accountId, actionId);
    check(key, code);
    unique(() -> db.tx(d -> d.actions().update(action.id(), key, code, clock.instant())));
    return get(caller, accountId, actionId);
  }

  public void delete(Account caller, long accountId, long actionId) {
    Action action = get(caller, accountId, actionId);
    db.tx(d -> d.actions().delete(action.id()));
  }

  private Account withDtmf(Account caller, long accountId) {
    Account account = accounts.manageable(caller, accountId);
    if (account.dtmfProtocol() == null) {
      throw new ForbiddenException("The account has no DTMF protocol: set dtmf_protocol first.");
    }
    return account;
  }

  private static <T> T unique(java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (DuplicateKeyException e) {
      throw dev.switchboard.core.ValidationException.of("key", "The key has already been taken.");
    }
  }

  private static void check(String key, String code) {
    Validation v = new Validation();
    if (key == null || key.isEmpty()) {
      v.add("key", "The key field is required.");
    } else {
      v.check(KEY.matcher(key).matches() && key.length() <= 64, "key",
          "The key must only contain lowercase letters, numbers and dashes.");
    }
    if (code == null || code.isEmpty()) {
      v.add("code", "The code field is required.");
    } else {
      v.check(CODE.matcher(code).matches() && code.length() <= 64, "code",
          "The code must only contain lowercase letters and numbers.");
    }
    v.throwIfAny();
  }
}
