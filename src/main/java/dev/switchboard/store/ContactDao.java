package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.contact.ContactsList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Contacts of accounts and contacts lists. */
public interface ContactDao {
  String LIST_SELECT = "SELECT l.*, (SELECT COUNT(*) FROM contacts_list_contacts c WHERE c.list_id = l.id)"
      + " AS contacts_count FROM contacts_lists l ";

  /** The ids of an account's contacts: its own plus the members of every list attached to it. */
  String CONTACT_IDS = "SELECT contact_id FROM account_contacts WHERE account_id = :accountId"
      + " UNION SELECT lc.contact_id FROM contacts_list_contacts lc JOIN account_contacts_lists al"
      + " ON al.list_id = lc.list_id WHERE al.account_id = :accountId";

  /** An account's contacts, each once. */
  String CONTACTS_OF = AccountDao.SELECT + "WHERE a.id IN (" + CONTACT_IDS + ") ORDER BY a.username, d.name";

  /** The types of all the contacts of an account, by contact. */
  String CONTACT_TYPES = "SELECT at.account_id, t.key FROM account_account_types at JOIN account_types t"
      + " ON t.id = at.type_id WHERE at.account_id IN (" + CONTACT_IDS + ") ORDER BY t.key";

  /** The actions of all the contacts of an account, by contact. */
  String CONTACT_ACTIONS = "SELECT * FROM account_actions WHERE account_id IN (" + CONTACT_IDS + ") ORDER BY key";

  @SqlQuery(CONTACTS_OF)
  List<Account> contactsOf(@Bind("accountId") long accountId);

  @SqlQuery(AccountDao.SELECT + "WHERE a.id IN (SELECT contact_id FROM account_contacts WHERE account_id = :accountId)"
      + " ORDER BY a.username, d.name")
  List<Account> ownContactsOf(@Bind("accountId") long accountId);

  @SqlQuery("SELECT COUNT(*) FROM account_contacts WHERE account_id = :accountId AND contact_id = :contactId")
  int isContact(@Bind("accountId") long accountId, @Bind("contactId") long contactId);

  @SqlUpdate("INSERT INTO account_contacts (account_id, contact_id, created_at) VALUES (:accountId, :contactId, :now)")
  int addContact(@Bind("accountId") long accountId, @Bind("contactId") long contactId, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM account_contacts WHERE account_id = :accountId AND contact_id = :contactId")
  int removeContact(@Bind("accountId") long accountId, @Bind("contactId") long contactId);

  @SqlQuery("INSERT INTO contacts_lists (title, description, created_at, updated_at) VALUES (:title, :description,"
      + " :now, :now) RETURNING id")
  long insertList(@Bind("title") String title, @Bind("description") String description, @Bind("now") Instant now);

  @SqlUpdate("UPDATE contacts_lists SET title = :title, description = :description, updated_at = :now WHERE id = :id")
  int updateList(@Bind("id") long id, @Bind("title") String title, @Bind("description") String description,
      @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM contacts_lists WHERE id = :id")
  int deleteList(@Bind("id") long id);

  @SqlQuery(LIST_SELECT + "WHERE l.id = :id")
  Optional<ContactsList> findList(@Bind("id") long id);

  @SqlQuery(LIST_SELECT + "ORDER BY l.id")
  List<ContactsList> lists();

  @SqlQuery(LIST_SELECT + "WHERE l.id IN (SELECT list_id FROM account_contacts_lists WHERE account_id = :accountId)"
      + " ORDER BY l.id")
  List<ContactsList> listsOf(@Bind("accountId") long accountId);

  @SqlQuery(AccountDao.SELECT + "WHERE a.id IN (SELECT contact_id FROM contacts_list_contacts WHERE list_id = :listId)"
      + " ORDER BY a.username, d.name")
  List<Account> listMembers(@Bind("listId") long listId);

  @SqlQuery("SELECT COUNT(*) FROM contacts_list_contacts WHERE list_id = :listId AND contact_id = :contactId")
  int inList(@Bind("listId") long listId, @Bind("contactId") long contactId);

  @SqlUpdate("INSERT INTO contacts_list_contacts (list_id, contact_id) VALUES (:listId, :contactId)")
  int addToList(@Bind("listId") long listId, @Bind("contactId") long contactId);

  @SqlUpdate("DELETE FROM contacts_list_contacts WHERE list_id = :listId AND contact_id = :contactId")
  int removeFromList(@Bind("listId") long listId, @Bind("contactId") long contactId);

  @SqlQuery("SELECT COUNT(*) FROM account_contacts_lists WHERE account_id = :accountId AND list_id = :listId")
  int hasList(@Bind("accountId") long accountId, @Bind("listId") long listId);

  @SqlUpdate("INSERT INTO account_contacts_lists (account_id, list_id) VALUES (:accountId, :listId)")
  int attachList(@Bind("accountId") long accountId, @Bind("listId") long listId);

  @SqlUpdate("DELETE FROM account_contacts_lists WHERE account_id = :accountId AND list_id = :listId")
  int detachList(@Bind("accountId") long accountId, @Bind("listId") long listId);
}
