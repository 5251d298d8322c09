package dev.switchboard.store;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountType;
import dev.switchboard.core.account.Action;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.core.contact.ContactsList;
import dev.switchboard.core.account.ExternalAccount;
import dev.switchboard.core.account.LineSettings;
import dev.switchboard.core.alias.Alias;
import dev.switchboard.core.account.Password;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.domain.Domain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Row mappers for the core records; column names are the schema's. */
final class Mappers {
  private Mappers() {}

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(Account.class, (rs, ctx) -> account(rs));
    jdbi.registerRowMapper(Domain.class, (rs, ctx) -> domain(rs));
    jdbi.registerRowMapper(Password.class, (rs, ctx) -> password(rs));
    jdbi.registerRowMapper(ExternalAccount.class, (rs, ctx) -> externalAccount(rs));
    jdbi.registerRowMapper(ContactsList.class, (rs, ctx) -> new ContactsList(rs.getLong("id"), rs.getString("title"),
        rs.getString("description"), rs.getLong("contacts_count"), instant(rs, "created_at"), instant(rs, "updated_at")));
    jdbi.registerRowMapper(AccountType.class, (rs, ctx) -> accountType(rs));
    jdbi.registerRowMapper(Action.class, (rs, ctx) -> action(rs));
    jdbi.registerRowMapper(ConstructorMapper.factory(DictionaryDao.Entry.class));
    jdbi.registerRowMapper(LineSettings.class, (rs, ctx) -> new LineSettings(rs.getBoolean("remote"),
        rs.getBoolean("api_only"), rs.getString("authid"), rs.getString("registrar"), integer(rs, "r_port"),
        rs.getString("proxy"), integer(rs, "p_port"), rs.getString("dialplan"), rs.getString("linetext"),
        rs.getString("rpid"), rs.getString("permittedcalls")));
    jdbi.registerRowMapper(Alias.class, (rs, ctx) -> new Alias(rs.getLong("id"), rs.getString("alias_username"),
        rs.getString("alias_domain"), rs.getString("destination_username"), rs.getString("destination_domain"),
        rs.getBoolean("e164")));
    jdbi.registerRowMapper(ConstructorMapper.factory(HermesDao.Key.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(HermesDao.Grant.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(HermesDao.Session.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(StatisticsDao.Message.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(StatisticsDao.Call.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(ApiKeyDao.Row.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(OutboxDao.Row.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(TokenDao.RequestToken.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(TokenDao.CreationToken.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(TokenDao.AuthToken.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(CodeDao.Code.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(dev.switchboard.core.device.Device.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(KazooDao.AccountRow.class));
    jdbi.registerRowMapper(ConstructorMapper.factory(KazooDao.UserRow.class));
  }

  /** The account columns every account query selects: a.* plus the domain's name as domain. */
  static final String ACCOUNT_COLUMNS = "a.*, d.name AS domain";

  static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getLong("id"),
        rs.getString("uuid"),
        rs.getString("username"),
        rs.getLong("domain_id"),
        rs.getString("domain"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getBoolean("activated"),
        rs.getBoolean("blocked"),
        Role.fromDb(rs.getString("role")),
        rs.getString("dtmf_protocol"),
        rs.getString("user_agent"),
        rs.getString("provisioning_token_hash"),
        instant(rs, "provisioning_token_expires_at"),
        rs.getString("confirmation_key_hash"),
        instant(rs, "confirmation_key_expires_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static ExternalAccount externalAccount(ResultSet rs) throws SQLException {
    return new ExternalAccount(rs.getLong("account_id"), rs.getString("username"), rs.getString("domain"),
        rs.getString("realm"), Algorithm.fromWire(rs.getString("algorithm")).orElseThrow(), rs.getString("ha1"),
        rs.getString("registrar"), rs.getString("outbound_proxy"), rs.getString("protocol"));
  }

  static Password password(ResultSet rs) throws SQLException {
    return new Password(rs.getLong("account_id"), Algorithm.fromWire(rs.getString("algorithm")).orElseThrow(),
        rs.getString("ha1"), rs.getString("ha1b"));
  }

  static AccountType accountType(ResultSet rs) throws SQLException {
    return new AccountType(rs.getLong("id"), rs.getString("key"), instant(rs, "created_at"), instant(rs, "updated_at"));
  }

  static Action action(ResultSet rs) throws SQLException {
    return new Action(rs.getLong("id"), rs.getLong("account_id"), rs.getString("key"), rs.getString("code"),
        instant(rs, "created_at"), instant(rs, "updated_at"));
  }

  static Domain domain(ResultSet rs) throws SQLException {
    return new Domain(
        rs.getLong("id"),
        rs.getString("uuid"),
        rs.getString("name"),
        rs.getString("registrar"),
        integer(rs, "r_port"),
        rs.getString("proxy"),
        integer(rs, "p_port"),
        rs.getString("prov_url"),
        rs.getBoolean("local"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
