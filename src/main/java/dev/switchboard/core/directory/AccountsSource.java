package dev.switchboard.core.directory;

import dev.switchboard.core.account.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * This server's accounts (of some domains, or all): name = display name or username; numbers in
 * order: the SIP username (the internal number), each E.164 alias ("direct"), the phone ("mobile").
 * Searched through the in-memory {@link AccountIndex}.
 */
public final class AccountsSource implements Source {
  static final int MAX_ACCOUNTS = 5000;

  private final AccountIndex index;
  private final Set<String> domains;

  AccountsSource(AccountIndex index, List<String> domains) {
    this.index = index;
    this.domains = domains == null ? Set.of() : Set.copyOf(domains);
  }

  @Override
  public List<Line> lookup(String term, Account user) {
    List<Line> out = new ArrayList<>();
    for (AccountIndex.Entry e : index.search(Fold.text(term), MAX_ACCOUNTS)) {
      if (domains.isEmpty() || domains.contains(e.domain())) {
        Source.contact(out, e.name(), e.numbers());
      }
    }
    return out;
  }
}
