package dev.switchboard.core.directory;

import dev.switchboard.core.account.Account;
import java.util.List;

/** Where directory lines come from. A source that fails is logged and skipped by the caller. */
public interface Source {
  /** Lines whose name or number matches {@code term} (as typed); {@code user} may be null. */
  List<Line> lookup(String term, Account user) throws Exception;

  /**
   * Lines of one contact: the first carries the plain name, the others "name (label)"; empty
   * numbers are dropped.
   */
  static void contact(List<Line> out, String name, List<String[]> numbersAndLabels) {
    boolean first = true;
    for (String[] numberAndLabel : numbersAndLabels) {
      String number = Fold.number(numberAndLabel[0]);
      if (number.isEmpty()) {
        continue;
      }
      String label = numberAndLabel[1];
      out.add(new Line(first || label == null || label.isBlank() ? name : name + " (" + label + ")", number));
      first = false;
    }
  }

  /** Whether a contact matches: its folded name contains the term, or one of its numbers does. */
  static boolean matches(String term, String name, List<String[]> numbers) {
    String foldedTerm = Fold.text(term);
    if (foldedTerm.isEmpty() || Fold.text(name).contains(foldedTerm)) {
      return true;
    }
    for (String[] n : numbers) {
      if (n[0] != null && (Fold.text(n[0]).contains(foldedTerm) || Fold.number(n[0]).contains(foldedTerm))) {
        return true;
      }
    }
    return false;
  }
}
