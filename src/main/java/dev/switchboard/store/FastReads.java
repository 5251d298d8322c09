package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountDetails;
import dev.switchboard.core.account.AccountType;
import dev.switchboard.core.account.Action;
import dev.switchboard.core.account.Password;
import dev.switchboard.core.contact.ContactCards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reads every authenticated request makes, in plain JDBC: JDBI copies its whole configuration
 * for each statement, which cost more than the queries themselves on these paths. The SQL is the
 * DAOs' own (shared constants, named parameters turned positional once), so there is one text per
 * query.
 */
public final class FastReads {
  /** An account found through one of its API keys. */
  public record KeyedAccount(long keyId, java.time.Instant lastUsedAt, Account account) {}

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Entries per cached read at the default heap (an account is under 1 kB): the accounts active at
   * once. Fewer entries than accounts in use would evict on every miss (a random 10,000 over 9,600
   * entries missed a fifth of the time).
   */
  private static final long CACHED_ENTRIES = ReadCache.scaled(14_000);

  private record Sip(String username, String domain) {}

  private final DataSource pool;
  // Only found rows are kept (an unknown key or address is read again), so guesses cannot fill them.
  private final ReadCache<String, KeyedAccount> byApiKey;
  private final ReadCache<Long, Account> byId;
  private final ReadCache<Sip, Account> bySip;
  private final ReadCache<Long, AccountDetails> details;
  private final ReadCache<Long, Optional<dev.switchboard.core.account.ExternalAccount>> externals;
  private final ReadCache<Long, List<Password>> passwords;

  FastReads(DataSource pool, Changes changes) {
    this.pool = pool;
    this.byApiKey = ReadCache.ofFoundRows(changes, CACHED_ENTRIES);
    this.byId = ReadCache.ofFoundRows(changes, CACHED_ENTRIES);
    this.bySip = ReadCache.ofFoundRows(changes, CACHED_ENTRIES);
    this.details = ReadCache.ofEntries(changes, CACHED_ENTRIES);
    this.externals = ReadCache.ofEntries(changes, CACHED_ENTRIES);
    this.passwords = ReadCache.ofEntries(changes, CACHED_ENTRIES);
  }

  /** The key's account; its last use as of the read, which recording a use does not move (see ApiKeys). */
  public Optional<KeyedAccount> accountByApiKeyHash(String keyHash) {
    return byApiKey.find(keyHash, () -> accountByApiKeyHashUncached(keyHash));
  }

  public Optional<KeyedAccount> accountByApiKeyHashUncached(String keyHash) {
    return one(ApiKeyDao.ACCOUNT_BY_HASH, Map.of("keyHash", keyHash),
        rs -> new KeyedAccount(rs.getLong("key_id"), Mappers.instant(rs, "key_last_used_at"), Mappers.account(rs)));
  }

  public Optional<Account> accountById(long id) {
    return byId.find(id, () -> one(AccountDao.BY_ID, Map.of("id", id), Mappers::account));
  }

  public Optional<Account> accountBySip(String username, String domain) {
    return bySip.find(new Sip(username, domain),
        () -> one(AccountDao.BY_SIP, Map.of("username", username, "domain", domain), Mappers::account));
  }

  /**
   * Everything the account JSON shows beside the row, in one round trip: credentials, dictionary,
   * types and actions as one UNION, told apart by a kind column.
   */
  public AccountDetails details(long accountId) {
    return details.get(accountId, () -> readDetails(accountId));
  }

  private AccountDetails readDetails(long accountId) {
    List<Password> passwords = new ArrayList<>();
    Map<String, String> dictionary = new java.util.LinkedHashMap<>();
    List<AccountType> types = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    list(DETAILS, Map.of("accountId", accountId), rs -> {
      switch (rs.getString("kind")) {
        case "p" -> passwords.add(new Password(accountId,
            dev.switchboard.core.account.Algorithm.fromWire(rs.getString("k")).orElseThrow(), rs.getString("v"),
            rs.getString("w")));
        case "d" -> dictionary.put(rs.getString("k"), rs.getString("v"));
        case "t" -> types.add(new AccountType(rs.getLong("id"), rs.getString("k"), Mappers.instant(rs, "created_at"),
            Mappers.instant(rs, "updated_at")));
        default -> actions.add(new Action(rs.getLong("id"), accountId, rs.getString("k"), rs.getString("v"),
            Mappers.instant(rs, "created_at"), Mappers.instant(rs, "updated_at")));
      }
      return null;
    });
    return new AccountDetails(List.copyOf(passwords), java.util.Collections.unmodifiableMap(dictionary),
        List.copyOf(types), List.copyOf(actions));
  }

  private static final String DETAILS =
      "SELECT 'p' AS kind, CAST(NULL AS BIGINT) AS id, algorithm AS k, ha1 AS v, ha1b AS w, created_at, created_at"
      + " AS updated_at FROM account_passwords WHERE account_id = :accountId"
      + " UNION ALL SELECT 'd', CAST(NULL AS BIGINT), key, value, NULL, created_at, updated_at FROM account_dictionary"
      + " WHERE account_id = :accountId"
      + " UNION ALL SELECT 't', t.id, t.key, NULL, NULL, t.created_at, t.updated_at FROM account_types t"
      + " JOIN account_account_types at ON at.type_id = t.id WHERE at.account_id = :accountId"
      + " UNION ALL SELECT 'a', id, key, code, NULL, created_at, updated_at FROM account_actions"
      + " WHERE account_id = :accountId ORDER BY 1, 3";

  /** An account's contacts with the types and actions of each, in three queries whatever their number. */
  public ContactCards contactCards(long accountId) {
    Map<Long, List<String>> types = new java.util.HashMap<>();
    list(ContactDao.CONTACT_TYPES, Map.of("accountId", accountId), rs -> types
        .computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>()).add(rs.getString("key")));
    Map<Long, List<Action>> actions = new java.util.HashMap<>();
    list(ContactDao.CONTACT_ACTIONS, Map.of("accountId", accountId), rs -> actions
        .computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>()).add(Mappers.action(rs)));
    return new ContactCards(list(ContactDao.CONTACTS_OF, Map.of("accountId", accountId), Mappers::account), types,
        actions);
  }

  /** The external account linked to an account (read on every provisioning document). */
  public Optional<dev.switchboard.core.account.ExternalAccount> externalAccount(long accountId) {
    return externals.get(accountId, () -> one(ExternalAccountDao.FIND, Map.of("accountId", accountId),
        Mappers::externalAccount));
  }

  public List<Password> passwords(long accountId) {
    return passwords.get(accountId, () -> List.copyOf(list(PasswordDao.LIST, Map.of("accountId", accountId),
        Mappers::password)));
  }

  public List<DictionaryDao.Entry> dictionary(long accountId) {
    return list(DictionaryDao.ENTRIES, Map.of("accountId", accountId),
        rs -> new DictionaryDao.Entry(rs.getString("key"), rs.getString("value")));
  }

  public List<AccountType> typesOf(long accountId) {
    return list(AccountTypeDao.TYPES_OF, Map.of("accountId", accountId), Mappers::accountType);
  }

  public List<Action> actionsOf(long accountId) {
    return list(ActionDao.ACTIONS_OF, Map.of("accountId", accountId), Mappers::action);
  }

  private <T> Optional<T> one(String sql, Map<String, Object> args, Row<T> row) {
    List<T> rows = list(sql, args, row);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private <T> List<T> list(String namedSql, Map<String, Object> args, Row<T> row) {
    MemoryOnly.check();
    try (Connection c = pool.getConnection()) {
      Connection raw = c.unwrap(Connection.class);
      PreparedStatements.Prepared p = PreparedStatements.on(raw, namedSql);
      try {
        for (int i = 0; i < p.names().size(); i++) {
          p.statement().setObject(i + 1, args.get(p.names().get(i)));
        }
        try (ResultSet rs = p.statement().executeQuery()) {
          List<T> out = new ArrayList<>();
          while (rs.next()) {
            out.add(row.map(rs));
          }
          return out;
        }
      } catch (SQLException | RuntimeException e) {
        PreparedStatements.drop(raw, namedSql, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + e.getMessage(), e);
    }
  }
}
