package dev.switchboard.core.account;

import java.util.Locale;

/** What an account may do: its own things (user), its domain (admin), everything (super_admin). */
public enum Role {
  USER,
  ADMIN,
  SUPER_ADMIN;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean isAdmin() {
    return this != USER;
  }
}
