package dev.switchboard.face.flexiapi;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Action;
import dev.switchboard.core.contact.ContactCards;
import dev.switchboard.core.contact.ContactService;
import dev.switchboard.store.Changes;
import dev.switchboard.store.ReadCache;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Impp;
import ezvcard.property.Kind;
import ezvcard.property.RawProperty;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * /contacts/vcard: the authenticated account's contacts as vCard 4.0 (RFC 6350, written by ez-vcard,
 * which escapes commas, semicolons and newlines), with Linphone's X-LINPHONE-ACCOUNT-* properties.
 */
final class VcardController {
  /** Rendered lists kept while nothing changed: a 1,000-contact list is about 150 kB. */
  private static final long RENDERED_BYTES = ReadCache.scaled(6L << 20);

  private final ContactService contacts;
  private final ReadCache<Long, byte[]> rendered;

  VcardController(ContactService contacts, Changes changes) {
    this.contacts = contacts;
    this.rendered = new ReadCache<>(changes, RENDERED_BYTES, bytes -> bytes.length);
  }

  void all(Context ctx) {
    write(ctx, all(FlexiAuth.principal(ctx)));
  }

  /** GET /contacts/vcard, also before Javalin (FlexiApiFace.fastRoutes). */
  byte[] all(dev.switchboard.auth.Principal caller) {
    return rendered.get(caller.accountId(), () -> {
      ContactCards cards = contacts.cards(caller.accountId());
      return render(cards, cards.contacts());
    });
  }

  void one(Context ctx) {
    Account contact = contacts.contactOf(FlexiAuth.principal(ctx).accountId(), ctx.pathParam("sip"));
    write(ctx, render(contacts.cards(FlexiAuth.principal(ctx).accountId()), List.of(contact)));
  }

  static final String CONTENT_TYPE = "text/vcard; charset=utf-8";

  private static void write(Context ctx, byte[] body) {
    // The cached array itself: Javalin only reads it.
    ctx.contentType(CONTENT_TYPE).result(body);
  }

  private static byte[] render(ContactCards details, List<Account> accounts) {
    List<VCard> cards = accounts.stream().map(a -> card(a, details)).toList();
    String text = cards.isEmpty() ? "" : Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static VCard card(Account a, ContactCards details) {
    VCard card = new VCard();
    card.setKind(Kind.individual());
    card.addImpp(new Impp(a.sipUri()));
    card.setFormattedName(a.displayName() == null || a.displayName().isBlank()
        ? a.username() + "@" + a.domain() : a.displayName());
    if (a.dtmfProtocol() != null) {
      card.addExtendedProperty("X-LINPHONE-ACCOUNT-DTMF-PROTOCOL", a.dtmfProtocol());
    }
    for (String type : details.typesOf(a)) {
      card.addExtendedProperty("X-LINPHONE-ACCOUNT-TYPE", type);
    }
    if (a.dtmfProtocol() != null) {
      for (Action action : details.actionsOf(a)) {
        // A structured value key;code, as Linphone reads it (both are [a-z0-9-], nothing to escape).
        card.addProperty(new RawProperty("X-LINPHONE-ACCOUNT-ACTION", action.key() + ";" + action.code()));
      }
    }
    return card;
  }
}
