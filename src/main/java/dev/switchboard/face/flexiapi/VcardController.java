package dev.switchboard.face.flexiapi;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Action;
import dev.switchboard.core.contact.ContactCards;
import dev.switchboard.core.contact.ContactService;
import io.javalin.http.Context;
import java.util.List;

/**
 * /contacts/vcard: the authenticated account's contacts as vCard 4.0 (RFC 6350, {@link VcardWriter}),
 * with Linphone's X-LINPHONE-ACCOUNT-* properties.
 */
final class VcardController {
  private final ContactService contacts;

  VcardController(ContactService contacts) {
    this.contacts = contacts;
  }

  void all(Context ctx) {
    ContactCards cards = contacts.cards(FlexiAuth.principal(ctx).accountId());
    write(ctx, cards, cards.contacts());
  }

  void one(Context ctx) {
    Account contact = contacts.contactOf(FlexiAuth.principal(ctx).accountId(), ctx.pathParam("sip"));
    write(ctx, contacts.cards(FlexiAuth.principal(ctx).accountId()), List.of(contact));
  }

  private void write(Context ctx, ContactCards details, List<Account> accounts) {
    VcardWriter out = new VcardWriter();
    for (Account a : accounts) {
      card(out, a, details);
    }
    ctx.contentType("text/vcard; charset=utf-8").result(out.bytes());
  }

  private static void card(VcardWriter out, Account a, ContactCards details) {
    out.begin();
    out.text("KIND", "individual");
    out.raw("IMPP", a.sipUri());
    out.text("FN", a.displayName() == null || a.displayName().isBlank()
        ? a.username() + "@" + a.domain() : a.displayName());
    if (a.dtmfProtocol() != null) {
      out.raw("X-LINPHONE-ACCOUNT-DTMF-PROTOCOL", a.dtmfProtocol());
    }
    for (String type : details.typesOf(a)) {
      out.raw("X-LINPHONE-ACCOUNT-TYPE", type);
    }
    if (a.dtmfProtocol() != null) {
      for (Action action : details.actionsOf(a)) {
        // A structured value key;code, as Linphone reads it (both are [a-z0-9-], nothing to escape).
        out.raw("X-LINPHONE-ACCOUNT-ACTION", action.key() + ";" + action.code());
      }
    }
    out.end();
  }
}
