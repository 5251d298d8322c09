package dev.switchboard.store;

import dev.switchboard.core.account.Algorithm;
import dev.switchboard.core.registration.SipCredential;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The registrar's reads, in plain JDBC (one per REGISTER): the credentials of username@domain,
 * an account's or a device's, and the shared signing secrets.
 */
public final class SipStore {
  // A device is usable when enabled and its owner (if any) is not blocked, as Kamailio's subscriber
  // view has it. An account and a device never share an address: the device's sip_username is checked against
  // accounts when it is set. Should both exist anyway, the account wins (ORDER BY kind).
  private static final String CREDENTIALS = "SELECT 'a' AS kind, a.id, a.activated AND NOT a.blocked AS usable,"
      + " p.algorithm, p.ha1 FROM accounts a JOIN domains d ON d.id = a.domain_id"
      + " LEFT JOIN account_passwords p ON p.account_id = a.id WHERE a.username = ? AND d.name = ?"
      + " UNION ALL SELECT 'd' AS kind, v.id, v.enabled AND NOT COALESCE(o.blocked, FALSE) AS usable, p.algorithm,"
      + " p.ha1 FROM devices v JOIN domains d ON d.id = v.domain_id LEFT JOIN accounts o ON o.id = v.owner_id"
      + " LEFT JOIN device_passwords p ON p.device_id = v.id"
      + " WHERE v.sip_username = ? AND d.name = ? ORDER BY kind";

  /** The registrar's connections, for the reads of every REGISTER. */
  private final DataSource sipPool;
  /** The shared pool: the secrets are written durably, not on the registrar's connections. */
  private final DataSource pool;

  SipStore(DataSource sipPool, DataSource pool) {
    this.sipPool = sipPool;
    this.pool = pool;
  }

  /** Who registers as username@domain and with which HA1s; empty when nobody does. */
  public Optional<SipCredential> credential(String username, String domain) {
    try (Connection c = sipPool.getConnection(); PreparedStatement ps = c.prepareStatement(CREDENTIALS)) {
      ps.setString(1, username);
      ps.setString(2, domain);
      ps.setString(3, username);
      ps.setString(4, domain);
      try (ResultSet rs = ps.executeQuery()) {
        String kind = null;
        long id = 0;
        boolean usable = false;
        Map<Algorithm, String> ha1s = new EnumMap<>(Algorithm.class);
        while (rs.next()) {
          if (kind != null && (!kind.equals(rs.getString("kind")) || id != rs.getLong("id"))) {
            break;
          }
          kind = rs.getString("kind");
          id = rs.getLong("id");
          usable = rs.getBoolean("usable");
          String algorithm = rs.getString("algorithm");
          if (algorithm != null) {
            Algorithm.fromWire(algorithm).ifPresent(a -> {
              try {
                ha1s.put(a, rs.getString("ha1"));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
          }
        }
        if (kind == null) {
          return Optional.empty();
        }
        return Optional.of(new SipCredential(kind.equals("a") ? SipCredential.Kind.ACCOUNT : SipCredential.Kind.DEVICE,
            id, username, domain, usable, Map.copyOf(ha1s)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading SIP credentials failed", e);
    }
  }

  /** Whether the domains table holds {@code name} (lower case, as stored) as a local domain. */
  public boolean localDomain(String name) {
    try (Connection c = sipPool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM domains WHERE name = ? AND local = TRUE")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading domain " + name, e);
    }
  }

  /** The secret of that name, created from {@code fresh} by whichever instance asks first. */
  public String secret(String name, Supplier<String> fresh) {
    MemoryOnly.check();
    try (Connection c = pool.getConnection()) {
      Optional<String> found = readSecret(c, name);
      if (found.isPresent()) {
        return found.get();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO sip_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, fresh.get());
        ps.executeUpdate();
      }
      return readSecret(c, name).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException("reading the SIP secret failed", e);
    }
  }

  private static Optional<String> readSecret(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM sip_secrets WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
