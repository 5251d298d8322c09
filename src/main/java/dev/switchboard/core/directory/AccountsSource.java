package dev.switchboard.core.directory;

import dev.switchboard.core.Like;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.alias.Alias;
import dev.switchboard.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * This server's accounts (of some domains, or all): name = display name or username; numbers in
 * order: the SIP username (the internal number), each E.164 alias ("direct"), the phone ("mobile").
 */
public final class AccountsSource implements Source {
  static final int MAX_ACCOUNTS = 5000;

  private final Database db;
  private final Set<String> domains;

  public AccountsSource(Database db, List<String> domains) {
    this.db = db;
    this.domains = domains == null ? Set.of() : Set.copyOf(domains);
  }

  @Override
  public List<Line> lookup(String term, Account user) {
    List<Account> accounts = db.read(d -> d.accounts().directory(Like.contains(Fold.text(term)), MAX_ACCOUNTS));
    List<Line> out = new ArrayList<>();
    for (Account a : accounts) {
      if (!domains.isEmpty() && !domains.contains(a.domain())) {
        continue;
      }
      String name = a.displayName() == null || a.displayName().isBlank() ? a.username() : a.displayName();
      List<String[]> numbers = new ArrayList<>();
      numbers.add(new String[] {a.username(), ""});
      for (Alias alias : db.read(d -> d.directory().aliasesOf(a.username(), a.domain()))) {
        if (alias.e164()) {
          numbers.add(new String[] {alias.aliasUsername(), "direct"});
        }
      }
      if (a.phone() != null) {
        numbers.add(new String[] {a.phone(), "mobile"});
      }
      Source.contact(out, name, numbers);
    }
    return out;
  }
}
