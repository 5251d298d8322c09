package dev.switchboard.core.account;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers in E.164, checked by libphonenumber (a number must be valid for its country). */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The E.164 form (+33612345678) of an international number, or empty when it is not a valid one. */
  public static Optional<String> e164(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 32) {
      return Optional.empty();
    }
    String value = raw.trim();
    if (!value.startsWith("+")) {
      return Optional.empty();
    }
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(value, "ZZ");
      if (!UTIL.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
