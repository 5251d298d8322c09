package dev.switchboard.auth;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;

/** Who is calling: an authenticated account and how it proved it. */
public record Principal(Account account, Method method) {
  /** How the caller authenticated. */
  public enum Method { DIGEST, API_KEY, JWT, CLI }

  public Role role() {
    return account.role();
  }

  public long accountId() {
    return account.id();
  }

  public String domain() {
    return account.domain();
  }
}
