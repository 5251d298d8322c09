package dev.switchboard.core.account;

import java.util.Map;

/**
 * What a caller asks an account to be, as given (strings, unchecked; null = not given). The rules
 * in {@link AccountRules} decide what is acceptable.
 */
public record AccountInput(
    String username,
    String domain,
    String password,
    String algorithm,
    String displayName,
    String email,
    String phone,
    String dtmfProtocol,
    Boolean activated,
    Boolean admin,
    String confirmationKeyExpires,
    Map<String, String> dictionary) {

  public static AccountInput credentials(String username, String password, String algorithm) {
    return new AccountInput(username, null, password, algorithm, null, null, null, null, null, null, null, null);
  }
}
