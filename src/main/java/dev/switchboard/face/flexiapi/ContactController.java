package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountTypeService;
import dev.switchboard.core.contact.ContactService;
import dev.switchboard.core.contact.ContactsList;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Contacts of accounts (me and admin) and contacts lists. */
final class ContactController {
  private final ContactService contacts;
  private final AccountTypeService types;
  private final AccountViews views;

  ContactController(ContactService contacts, AccountTypeService types, AccountViews views) {
    this.contacts = contacts;
    this.types = types;
    this.views = views;
  }

  /** A contacts list; its members only when one list is asked for. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ListJson(long id, String title, String description, @JsonProperty("contacts_count") long contactsCount,
      List<AccountJson> contacts, @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}

  private ListJson json(ContactsList l, List<AccountJson> members) {
    return new ListJson(l.id(), l.title(), l.description(), l.contactsCount(), members, l.createdAt(), l.updatedAt());
  }

  // The authenticated account

  void myContacts(Context ctx) {
    ctx.json(contacts.contactsOf(Paths.caller(ctx).id()).stream().map(views::json).toList());
  }

  void myContact(Context ctx) {
    ctx.json(views.json(contacts.contactOf(Paths.caller(ctx).id(), ctx.pathParam("sip"))));
  }

  // Admin: an account's contacts

  void accountContacts(Context ctx) {
    ctx.json(contacts.contactsOf(Paths.caller(ctx), Paths.id(ctx, "id")).stream().map(views::json).toList());
  }

  void addContact(Context ctx) {
    contacts.addContact(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "contact_id"));
    accountContacts(ctx);
  }

  /**
   * DELETE /api/accounts/{id}/contacts/{x}: removes contact x; the reference documentation also gives
   * this path for removing type x, so when x is not a contact of the account, the type x is removed.
   */
  void removeContactOrType(Context ctx) {
    long accountId = Paths.id(ctx, "id");
    long x = Paths.id(ctx, "contact_id");
    if (!contacts.removeContact(Paths.caller(ctx), accountId, x) && !types.detach(Paths.caller(ctx), accountId, x)) {
      throw new NotFoundException("Neither a contact nor a type of this account");
    }
    ctx.json(Map.of());
  }

  // Contacts lists

  void lists(Context ctx) {
    ctx.json(contacts.lists().stream().map(l -> json(l, null)).toList());
  }

  void list(Context ctx) {
    long id = Paths.id(ctx, "id");
    ContactsList list = contacts.list(id);
    ctx.json(json(list, contacts.members(id).stream().map(views::json).toList()));
  }

  void createList(Context ctx) {
    Input in = Input.of(ctx);
    ctx.status(201).json(json(contacts.createList(in.string("title"), in.string("description")), null));
  }

  void updateList(Context ctx) {
    Input in = Input.of(ctx);
    ctx.json(json(contacts.updateList(Paths.id(ctx, "id"), in.string("title"), in.string("description")), null));
  }

  void deleteList(Context ctx) {
    contacts.deleteList(Paths.id(ctx, "id"));
    ctx.json(Map.of());
  }

  void addToList(Context ctx) {
    ctx.json(json(contacts.addToList(Paths.caller(ctx), Paths.id(ctx, "list_id"), Paths.id(ctx, "contact_id")), null));
  }

  void removeFromList(Context ctx) {
    ctx.json(json(contacts.removeFromList(Paths.caller(ctx), Paths.id(ctx, "list_id"), Paths.id(ctx, "contact_id")), null));
  }

  void attachList(Context ctx) {
    contacts.attachList(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "list_id"));
    ctx.json(contacts.listsOf(Paths.id(ctx, "id")).stream().map(l -> json(l, null)).toList());
  }

  void detachList(Context ctx) {
    contacts.detachList(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "list_id"));
    ctx.json(contacts.listsOf(Paths.id(ctx, "id")).stream().map(l -> json(l, null)).toList());
  }
}
