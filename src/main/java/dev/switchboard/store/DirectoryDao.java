package dev.switchboard.store;

import dev.switchboard.core.alias.Alias;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Aliases, the E.164 number pool, phone associations (devices) and domain servers. */
public interface DirectoryDao {
  // SIP addresses

  /**
   * How many accounts, aliases and live devices hold username@domain, case-insensitively, leaving
   * out the account {@code exceptAccount} and the device {@code exceptDevice} (-1 for none).
   */
  String SIP_ADDRESS_HOLDERS = "SELECT (SELECT COUNT(*) FROM accounts a JOIN domains d ON d.id = a.domain_id"
      + " WHERE d.name = :domain AND LOWER(a.username) = LOWER(:username) AND a.id <> :exceptAccount)"
      + " + (SELECT COUNT(*) FROM aliases WHERE alias_domain = :domain AND LOWER(alias_username) = LOWER(:username))"
      + " + (SELECT COUNT(*) FROM devices v JOIN domains d ON d.id = v.domain_id WHERE d.name = :domain"
      + " AND LOWER(v.sip_username) = LOWER(:username) AND v.deleted_at IS NULL AND v.id <> :exceptDevice)";

  // Aliases

  @SqlUpdate("INSERT INTO aliases (alias_username, alias_domain, destination_username, destination_domain, e164,"
      + " created_at) VALUES (:aliasUser, :aliasDomain, :destUser, :destDomain, :e164, :now)")
  int insertAlias(@Bind("aliasUser") String aliasUser, @Bind("aliasDomain") String aliasDomain,
      @Bind("destUser") String destUser, @Bind("destDomain") String destDomain, @Bind("e164") boolean e164,
      @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM aliases WHERE alias_username = :user AND alias_domain = :domain")
  Optional<Alias> alias(@Bind("user") String user, @Bind("domain") String domain);

  @SqlQuery("SELECT * FROM aliases WHERE e164 = TRUE ORDER BY alias_username")
  List<Alias> e164Aliases();

  @SqlQuery("SELECT * FROM aliases ORDER BY alias_domain, alias_username")
  List<Alias> aliases();

  @SqlQuery("SELECT * FROM aliases WHERE destination_username = :user AND destination_domain = :domain"
      + " ORDER BY alias_domain, alias_username")
  List<Alias> aliasesOf(@Bind("user") String user, @Bind("domain") String domain);

  @SqlUpdate("DELETE FROM aliases WHERE alias_username = :user AND alias_domain = :domain")
  int deleteAlias(@Bind("user") String user, @Bind("domain") String domain);

  // Number pool

  @SqlUpdate("INSERT INTO number_pool (number, added_at) VALUES (:number, :now)")
  int insertNumber(@Bind("number") String number, @Bind("now") Instant now);

  @SqlQuery("SELECT COUNT(*) FROM number_pool WHERE number = :number")
  int hasNumber(@Bind("number") String number);

  @SqlUpdate("DELETE FROM number_pool WHERE number = :number")
  int deleteNumber(@Bind("number") String number);

  @SqlQuery("SELECT number FROM number_pool WHERE number LIKE :pattern ESCAPE '!' ORDER BY number LIMIT :limit")
  List<String> numbers(@Bind("pattern") String pattern, @Bind("limit") int limit);

  @SqlQuery("SELECT number FROM number_pool WHERE number LIKE :pattern ESCAPE '!' ORDER BY RANDOM() LIMIT :limit")
  List<String> randomNumbers(@Bind("pattern") String pattern, @Bind("limit") int limit);

  // Devices (phone associations)

  @SqlQuery("SELECT id FROM devices WHERE mac = :mac")
  Optional<Long> deviceByMac(@Bind("mac") String mac);

  @SqlQuery("INSERT INTO devices (uuid, mac, created_at, updated_at) VALUES (:uuid, :mac, :now, :now) RETURNING id")
  long insertDevice(@Bind("uuid") String uuid, @Bind("mac") String mac, @Bind("now") Instant now);

  @SqlQuery("SELECT COUNT(*) FROM device_accounts WHERE device_id = :deviceId AND account_id = :accountId")
  int hasLine(@Bind("deviceId") long deviceId, @Bind("accountId") long accountId);

  @SqlUpdate("INSERT INTO device_accounts (device_id, account_id, created_at) VALUES (:deviceId, :accountId, :now)")
  int insertLine(@Bind("deviceId") long deviceId, @Bind("accountId") long accountId, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM device_accounts WHERE device_id = :deviceId AND account_id = :accountId")
  int deleteLine(@Bind("deviceId") long deviceId, @Bind("accountId") long accountId);

  @SqlQuery("SELECT COUNT(*) FROM device_accounts WHERE device_id = :deviceId")
  int lines(@Bind("deviceId") long deviceId);

  @SqlUpdate("DELETE FROM devices WHERE id = :id")
  int deleteDevice(@Bind("id") long id);

  @SqlQuery("SELECT a.username || '@' || d.name FROM device_accounts da JOIN devices v ON v.id = da.device_id"
      + " JOIN accounts a ON a.id = da.account_id JOIN domains d ON d.id = a.domain_id WHERE v.mac = :mac"
      + " ORDER BY 1")
  List<String> addressesOfMac(@Bind("mac") String mac);

  @SqlQuery("SELECT v.mac FROM device_accounts da JOIN devices v ON v.id = da.device_id"
      + " WHERE da.account_id = :accountId AND v.mac IS NOT NULL ORDER BY v.mac")
  List<String> macsOf(@Bind("accountId") long accountId);

  @SqlQuery("SELECT COUNT(*) FROM device_accounts WHERE account_id = :accountId")
  int devicesOf(@Bind("accountId") long accountId);

  @SqlQuery("SELECT mac FROM devices WHERE mac LIKE :pattern ESCAPE '!' ORDER BY mac")
  List<String> macs(@Bind("pattern") String pattern);

  // Domain servers

  @SqlUpdate("UPDATE domains SET registrar = :registrar, r_port = :rPort, proxy = :proxy, p_port = :pPort,"
      + " prov_url = :provUrl, updated_at = :now WHERE name = :name")
  int setServers(@Bind("name") String name, @Bind("registrar") String registrar, @Bind("rPort") int rPort,
      @Bind("proxy") String proxy, @Bind("pPort") int pPort, @Bind("provUrl") String provUrl, @Bind("now") Instant now);
}
