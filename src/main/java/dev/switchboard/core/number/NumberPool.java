package dev.switchboard.core.number;

import dev.switchboard.core.Like;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.account.PhoneNumbers;
import dev.switchboard.store.Database;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;

/**
 * The pool of E.164 numbers an operator can hand out. A number given to an account as its E.164
 * alias leaves the pool; removing that alias puts it back (see AliasService).
 */
public final class NumberPool {
  private final Database db;
  private final Clock clock;
  private final int maxRange;

  public NumberPool(Database db, Clock clock, int maxRange) {
    this.db = db;
    this.clock = clock;
    this.maxRange = maxRange;
  }

  /** The E.164 form of a number, or REJECTED ("Not a valid E164 number"). */
  public static String e164(String raw) {
    return PhoneNumbers.e164(raw == null ? null : raw.replace(' ', '+').trim())
        .orElseThrow(() -> new RefusedException(RefusedException.Reason.REJECTED, "Not a valid E164 number"));
  }

  /** Numbers containing {@code search} (all when null), ordered or shuffled, at most {@code limit}; EMPTY when none. */
  public List<String> list(String search, boolean random, int limit) {
    String pattern = Like.contains(search == null ? "" : search);
    List<String> numbers = db.read(d -> random ? d.directory().randomNumbers(pattern, limit)
        : d.directory().numbers(pattern, limit));
    if (numbers.isEmpty()) {
      throw new RefusedException(RefusedException.Reason.EMPTY, "No numbers in the pool match.");
    }
    return numbers;
  }

  public String add(String raw) {
    String number = e164(raw);
    db.tx(d -> {
      if (d.directory().hasNumber(number) > 0) {
        throw new RefusedException(RefusedException.Reason.EXISTS, "The number is already in the pool.");
      }
      return d.directory().insertNumber(number, clock.instant());
    });
    return number;
  }

  /** Adds start..end inclusive; both E.164 with the same lead-in (country code and length), start < end. */
  public int addRange(String rawStart, String rawEnd) {
    String start = e164(rawStart);
    String end = e164(rawEnd);
    if (start.length() != end.length() || countryCode(start) != countryCode(end)) {
      throw new RefusedException(RefusedException.Reason.REJECTED, "The start and end must have the same lead-in.");
    }
    BigInteger from = new BigInteger(start.substring(1));
    BigInteger to = new BigInteger(end.substring(1));
    if (from.compareTo(to) >= 0) {
      throw new RefusedException(RefusedException.Reason.REJECTED, "The start must be less than the end.");
    }
    if (to.subtract(from).compareTo(BigInteger.valueOf(maxRange - 1L)) > 0) {
      throw new RefusedException(RefusedException.Reason.REJECTED, "A range may hold at most " + maxRange + " numbers.");
    }
    return db.tx(d -> {
      int added = 0;
      for (BigInteger n = from; n.compareTo(to) <= 0; n = n.add(BigInteger.ONE)) {
        String number = "+" + n;
        if (d.directory().hasNumber(number) == 0) {
          added += d.directory().insertNumber(number, clock.instant());
        }
      }
      return added;
    });
  }

  public String remove(String raw) {
    String number = e164(raw);
    if (db.tx(d -> d.directory().deleteNumber(number)) == 0) {
      throw new NotFoundException("The number is not in the pool.");
    }
    return number;
  }

  public String check(String raw) {
    String number = e164(raw);
    if (db.read(d -> d.directory().hasNumber(number)) == 0) {
      throw new NotFoundException("The number is not in the pool.");
    }
    return number;
  }

  private static int countryCode(String e164) {
    try {
      return PhoneNumberUtil.getInstance().parse(e164, "ZZ").getCountryCode();
    } catch (NumberParseException e) {
      throw new RefusedException(RefusedException.Reason.REJECTED, "Not a valid E164 number");
    }
  }
}
