package dev.switchboard.core.contact;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.SipAddress;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * Contacts: accounts shown to an account (its own contacts plus the members of every contacts list
 * attached to it, each once). Contacts lists are shared by all admins; adding an account to a list
 * or as a contact needs the right to manage that account.
 */
public final class ContactService {
  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public ContactService(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The contacts of an account with their vCard details, read in a fixed number of queries. */
  public ContactCards cards(long accountId) {
    return db.fast().contactCards(accountId);
  }

  public List<Account> contactsOf(long accountId) {
    return db.read(d -> d.contacts().contactsOf(accountId));
  }

  /** One contact of the account, by SIP address; 404 when it is not one of its contacts. */
  public Account contactOf(long accountId, String sip) {
    SipAddress address = SipAddress.parse(sip).orElseThrow(() -> new NotFoundException("Contact not found"));
    return contactsOf(accountId).stream()
        .filter(a -> a.username().equals(address.user()) && a.domain().equals(address.domain()))
        .findFirst().orElseThrow(() -> new NotFoundException("Contact not found"));
  }

  public List<Account> contactsOf(Account caller, long accountId) {
    return contactsOf(accounts.manageable(caller, accountId).id());
  }

  public void addContact(Account caller, long accountId, long contactId) {
    Account account = accounts.manageable(caller, accountId);
    Account contact = accounts.manageable(caller, contactId);
    if (account.id() == contact.id()) {
      throw dev.switchboard.core.ValidationException.of("contact_id", "An account cannot be its own contact.");
    }
    db.tx(d -> d.contacts().isContact(account.id(), contact.id()) == 0
        ? d.contacts().addContact(account.id(), contact.id(), clock.instant()) : 0);
  }

  /** Removes a contact; false when it was not one (the caller may try something else). */
  public boolean removeContact(Account caller, long accountId, long contactId) {
    Account account = accounts.manageable(caller, accountId);
    return db.tx(d -> d.contacts().removeContact(account.id(), contactId)) > 0;
  }

  // Contacts lists

  public List<ContactsList> lists() {
    return db.read(d -> d.contacts().lists());
  }

  public ContactsList list(long id) {
    return db.read(d -> d.contacts().findList(id)).orElseThrow(() -> new NotFoundException("Contacts list not found"));
  }

  public List<Account> members(long listId) {
    list(listId);
    return db.read(d -> d.contacts().listMembers(listId));
  }

  public List<ContactsList> listsOf(long accountId) {
    return db.read(d -> d.contacts().listsOf(accountId));
  }

  public ContactsList createList(String title, String description) {
    check(title, description);
    long id = db.tx(d -> d.contacts().insertList(title, description, clock.instant()));
    return list(id);
  }

  public ContactsList updateList(long id, String title, String description) {
    list(id);
    check(title, description);
    db.tx(d -> d.contacts().updateList(id, title, description, clock.instant()));
    return list(id);
  }

  public void deleteList(long id) {
    if (db.tx(d -> d.contacts().deleteList(id)) == 0) {
      throw new NotFoundException("Contacts list not found");
    }
  }

  public ContactsList addToList(Account caller, long listId, long contactId) {
    list(listId);
    Account contact = accounts.manageable(caller, contactId);
    db.tx(d -> d.contacts().inList(listId, contact.id()) == 0 ? d.contacts().addToList(listId, contact.id()) : 0);
    return list(listId);
  }

  public ContactsList removeFromList(Account caller, long listId, long contactId) {
    list(listId);
    if (db.tx(d -> d.contacts().removeFromList(listId, contactId)) == 0) {
      throw new NotFoundException("Contact not in this list");
    }
    return list(listId);
  }

  public void attachList(Account caller, long accountId, long listId) {
    Account account = accounts.manageable(caller, accountId);
    list(listId);
    db.tx(d -> d.contacts().hasList(account.id(), listId) == 0 ? d.contacts().attachList(account.id(), listId) : 0);
  }

  public void detachList(Account caller, long accountId, long listId) {
    Account account = accounts.manageable(caller, accountId);
    list(listId);
    if (db.tx(d -> d.contacts().detachList(account.id(), listId)) == 0) {
      throw new NotFoundException("This contacts list is not attached to the account");
    }
  }

  private static void check(String title, String description) {
    Validation v = new Validation();
    v.check(title != null && !title.isBlank(), "title", "The title field is required.");
    v.check(title == null || title.length() <= 255, "title", "The title must not be greater than 255 characters.");
    v.check(description != null && !description.isBlank(), "description", "The description field is required.");
    v.throwIfAny();
  }
}
