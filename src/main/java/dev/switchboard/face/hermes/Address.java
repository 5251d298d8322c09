package dev.switchboard.face.hermes;

import dev.switchboard.core.account.SipAddress;
import dev.switchboard.core.domain.DomainService;

/**
 * The one parser of Hermes addresses: `user=alice@example.org` (with or without `sip:`) or the split
 * form `username=` + `domain=` (`alias_username=` + `alias_domain=` for aliases).
 */
record Address(String user, String domain) {
  String sip() {
    return user + "@" + domain;
  }

  /** The address in {@code name} or its split form; `invalid` when absent or malformed. */
  static Address from(Params p, String name, String userName, String domainName) {
    String whole = p.get(name);
    if (whole != null) {
      return parse(whole).orElseThrow(() -> HermesException.failed("invalid", "Malformed SIP address: " + whole));
    }
    String user = p.get(userName);
    String domain = p.get(domainName);
    if (user == null || domain == null) {
      throw HermesException.invalid("parameters", "Give '" + name + "' or '" + userName + "' and '" + domainName + "'.");
    }
    return parse(user + "@" + domain).orElseThrow(() -> HermesException.failed("invalid",
        "Malformed SIP address: " + user + "@" + domain));
  }

  static Address user(Params p) {
    return from(p, "user", "username", "domain");
  }

  static java.util.Optional<Address> parse(String value) {
    return SipAddress.parse(value.contains(":") || value.contains("@") ? value : "")
        .filter(a -> !a.user().isBlank() && a.user().matches("[^\\s@<>\"]+")
            && DomainService.isValidName(DomainService.normalize(a.domain())))
        .map(a -> new Address(a.user(), DomainService.normalize(a.domain())));
  }
}
