package dev.switchboard.core.directory;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.contact.ContactService;
import java.util.ArrayList;
import java.util.List;

/** The FlexiAPI contacts (own and from contacts lists) of the account the phone belongs to. */
public final class PersonalSource implements Source {
  private final ContactService contacts;

  public PersonalSource(ContactService contacts) {
    this.contacts = contacts;
  }

  @Override
  public List<Line> lookup(String term, Account user) {
    List<Line> out = new ArrayList<>();
    if (user == null) {
      return out;
    }
    for (Account c : contacts.contactsOf(user.id())) {
      String name = c.displayName() == null || c.displayName().isBlank() ? c.username() : c.displayName();
      List<String[]> numbers = new ArrayList<>();
      numbers.add(new String[] {c.username(), ""});
      if (c.phone() != null) {
        numbers.add(new String[] {c.phone(), "mobile"});
      }
      if (Source.matches(term, name, numbers)) {
        Source.contact(out, name, numbers);
      }
    }
    return out;
  }
}
