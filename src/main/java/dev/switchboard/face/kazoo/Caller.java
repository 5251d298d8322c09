package dev.switchboard.face.kazoo;

import dev.switchboard.auth.KazooTokens;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.domain.Tenant;

/**
 * Who holds the token: its account (tenant) and its user, or no user for an API-key token (which
 * acts as the account's admin). A super_admin's token reaches every account, like Kazoo's
 * superduper admin; any other reaches its account and the descendants.
 */
record Caller(String token, KazooTokens.Claims claims, Tenant home, Account user) {
  boolean admin() {
    return user == null || user.role().isAdmin();
  }

  boolean superAdmin() {
    return user != null && user.role() == Role.SUPER_ADMIN;
  }
}
