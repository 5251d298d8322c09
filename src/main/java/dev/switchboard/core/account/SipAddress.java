package dev.switchboard.core.account;

import java.util.Optional;

/** user@domain out of `sip:user@domain`, `<sip:user@domain>` or `"Name" <sip:user@domain;tag=…>`. */
public record SipAddress(String user, String domain) {
  public static Optional<SipAddress> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    int lt = v.indexOf('<');
    if (lt >= 0) {
      int gt = v.indexOf('>', lt);
      if (gt < 0) {
        return Optional.empty();
      }
      v = v.substring(lt + 1, gt);
    }
    if (v.regionMatches(true, 0, "sip:", 0, 4)) {
      v = v.substring(4);
    } else if (v.regionMatches(true, 0, "sips:", 0, 5)) {
      v = v.substring(5);
    }
    int semicolon = v.indexOf(';');
    if (semicolon >= 0) {
      v = v.substring(0, semicolon);
    }
    int at = v.lastIndexOf('@');
    if (at <= 0 || at == v.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new SipAddress(v.substring(0, at), v.substring(at + 1).toLowerCase(java.util.Locale.ROOT)));
  }
}
