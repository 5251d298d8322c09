package dev.switchboard.core.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as the directory compares it: lowercase, accents removed. */
public final class Fold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_DIALABLE = Pattern.compile("[^0-9*#+()]");
  private static final Pattern INTERNATIONAL_TRUNK = Pattern.compile("^\\+(\\d+)\\(\\d+\\)");

  private Fold() {}

  public static String text(String s) {
    if (s == null) {
      return "";
    }
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The searchable key of an account: its display name, username and phone, folded. */
  public static String accountKey(String displayName, String username, String phone) {
    return text((displayName == null ? "" : displayName) + " " + username + " " + (phone == null ? "" : phone));
  }

  /**
   * A number as phoned dials it (a value with letters, such as a SIP username, is kept as it is): keep digits and `* # + ( )`; `+CC(x)REST` becomes `00CCREST`; then
   * parentheses go. "+33(0)1 23 45 67 89" gives "0033123456789".
   */
  public static String number(String raw) {
    if (raw == null) {
      return "";
    }
    if (hasLetter(raw)) {
      // A SIP username used as an internal number (alice01): dialable as it is.
      return raw.strip();
    }
    String kept = NOT_DIALABLE.matcher(raw).replaceAll("");
    kept = INTERNATIONAL_TRUNK.matcher(kept).replaceFirst("00$1");
    return kept.replace("(", "").replace(")", "");
  }
}
