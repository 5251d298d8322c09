package dev.switchboard.core.account;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Validation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** FlexiAPI's rules on account fields, in one place; messages in Laravel's wording. */
public final class AccountRules {
  public static final int MIN_USERNAME_LENGTH = 6;
  public static final int MIN_PASSWORD_LENGTH = 6;
  public static final Set<String> DTMF_PROTOCOLS = Set.of("sipinfo", "sipmessage", "rfc2833");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.+\\-~!$&'()*=,;]+");
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ().\\-]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>]+@[^@\\s\"<>.]+(\\.[^@\\s\"<>.]+)+");
  private static final DateTimeFormatter LARAVEL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private AccountRules() {}

  /** Only a super_admin changes or deletes a super_admin: an admin could otherwise take it over. */
  public static void checkMayChange(boolean callerIsSuperAdmin, Role target) {
    if (target == Role.SUPER_ADMIN && !callerIsSuperAdmin) {
      throw new ForbiddenException("Only a super admin may change a super admin.");
    }
  }

  /**
   * With app.admins_manage_multi_domains an admin manages every domain, so making one is as much
   * as making a super_admin: only a super_admin may.
   */
  public static void checkMayGrantAdmin(boolean callerIsSuperAdmin, boolean adminsManageMultiDomains) {
    if (adminsManageMultiDomains && !callerIsSuperAdmin) {
      throw new ForbiddenException("Only a super admin may grant admin rights when admins manage every domain.");
    }
  }

  /** The checked values an admin's account input yields (null where invalid; the errors are recorded). */
  public record Checked(Algorithm algorithm, String phone) {}

  /** The rules an admin's create and update share: username, password, algorithm, email, phone, DTMF, name. */
  public static Checked adminInput(Validation v, AccountInput in, boolean usernameRequired) {
    username(v, in.username(), usernameRequired);
    password(v, in.password(), "password");
    Algorithm algorithm = algorithm(v, in.algorithm());
    email(v, in.email());
    String phone = phone(v, in.phone());
    dtmfProtocol(v, in.dtmfProtocol());
    displayName(v, in.displayName());
    return new Checked(algorithm, phone);
  }

  public static void username(Validation v, String username, boolean required) {
    if (username == null || username.isEmpty()) {
      v.check(!required, "username", "The username field is required.");
      return;
    }
    v.check(username.length() >= MIN_USERNAME_LENGTH, "username",
        "The username must be at least " + MIN_USERNAME_LENGTH + " characters.");
    v.check(username.length() <= 64, "username", "The username must not be greater than 64 characters.");
    v.check(USERNAME.matcher(username).matches(), "username", "The username contains invalid characters.");
    v.check(!PHONE_LIKE.matcher(username).matches(), "username", "The username must not be a phone number.");
  }

  public static void password(Validation v, String password, String field) {
    if (password == null || password.isEmpty()) {
      v.add(field, "The " + field.replace('_', ' ') + " field is required.");
      return;
    }
    v.check(password.length() >= MIN_PASSWORD_LENGTH, field,
        "The " + field.replace('_', ' ') + " must be at least " + MIN_PASSWORD_LENGTH + " characters.");
    v.check(password.length() <= 255, field, "The " + field.replace('_', ' ') + " must not be greater than 255 characters.");
  }

  /** The algorithm, required; null when invalid (the error is recorded). */
  public static Algorithm algorithm(Validation v, String algorithm) {
    if (algorithm == null || algorithm.isEmpty()) {
      v.add("algorithm", "The algorithm field is required.");
      return null;
    }
    Optional<Algorithm> a = Algorithm.fromWire(algorithm).filter(x -> x.wireName().equals(algorithm));
    v.check(a.isPresent(), "algorithm", "The selected algorithm is invalid.");
    return a.orElse(null);
  }

  public static void email(Validation v, String email) {
    if (email == null) {
      return;
    }
    v.check(email.length() <= 255 && EMAIL.matcher(email).matches(), "email", "The email must be a valid email address.");
  }

  /** The E.164 phone; null when absent or invalid (the error is recorded). */
  public static String phone(Validation v, String phone) {
    if (phone == null || phone.isEmpty()) {
      return null;
    }
    Optional<String> e164 = PhoneNumbers.e164(phone);
    v.check(e164.isPresent(), "phone", "The phone must be a valid phone number in international format (E.164).");
    return e164.orElse(null);
  }

  public static void dtmfProtocol(Validation v, String dtmf) {
    if (dtmf != null) {
      v.check(DTMF_PROTOCOLS.contains(dtmf), "dtmf_protocol", "The selected dtmf protocol is invalid.");
    }
  }

  public static void displayName(Validation v, String displayName) {
    if (displayName != null) {
      v.check(displayName.length() <= 255, "display_name", "The display name must not be greater than 255 characters.");
    }
  }

  /** A Laravel `Y-m-d H:i:s` datetime (UTC); null when absent or invalid (the error is recorded). */
  public static Instant datetime(Validation v, String field, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, LARAVEL_DATETIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      v.add(field, "The " + field.replace('_', ' ') + " does not match the format Y-m-d H:i:s.");
      return null;
    }
  }
}
