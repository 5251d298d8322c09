package dev.switchboard.core.registration;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import java.util.List;

/**
 * The registered devices of an account (FlexiAPI's /devices): its live bindings, each named by a
 * uuid, the +sip.instance without its angle brackets when the phone sent one (as FlexiAPI reads it
 * from Flexisip), else the binding's ruid. Admins reach the accounts they manage.
 */
public final class DeviceRegistrations {
  private final Registrations registrations;
  private final AccountService accounts;

  public DeviceRegistrations(Registrations registrations, AccountService accounts) {
    this.registrations = registrations;
    this.accounts = accounts;
  }

  /** A stable name of a binding for the API. */
  public static String uuid(Binding b) {
    String instance = b.instance();
    if (instance == null || instance.isEmpty()) {
      return b.ruid();
    }
    return instance.startsWith("<") && instance.endsWith(">") ? instance.substring(1, instance.length() - 1) : instance;
  }

  public List<Binding> of(Account account) {
    return registrations.of(account.username(), account.domain());
  }

  public List<Binding> of(Account caller, long accountId) {
    return of(accounts.manageable(caller, accountId));
  }

  /** Removes the account's binding named uuid; NotFoundException when it has none of that name. */
  public void remove(Account account, String uuid) {
    if (!registrations.remove(account.username(), account.domain(), uuid)) {
      throw new NotFoundException("Device not found");
    }
  }

  public void remove(Account caller, long accountId, String uuid) {
    remove(accounts.manageable(caller, accountId), uuid);
  }
}
