package dev.switchboard.store;

import dev.switchboard.core.device.Device;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Devices with their Kazoo documents, SIP credentials and secrets (Hermes phone lines are in DirectoryDao). */
public interface DeviceDao {
  String SELECT = "SELECT v.id, v.uuid, v.domain_id, v.owner_id, o.uuid AS owner_uuid, v.mac, v.sip_username,"
      + " v.enabled, v.name, v.device_type, v.document, v.revision, v.created_at, v.updated_at, v.deleted_at"
      + " FROM devices v LEFT JOIN accounts o ON o.id = v.owner_id ";

  @SqlQuery(SELECT + "WHERE v.uuid = :uuid")
  Optional<Device> byUuid(@Bind("uuid") String uuid);

  /** The live devices of a domain that carry a document, by uuid (Kazoo lists them by id). */
  @SqlQuery(SELECT + "WHERE v.domain_id = :domainId AND v.deleted_at IS NULL AND v.document IS NOT NULL ORDER BY v.uuid")
  List<Device> inDomain(@Bind("domainId") long domainId);

  @SqlQuery(SELECT + "WHERE v.owner_id = :ownerId AND v.deleted_at IS NULL AND v.document IS NOT NULL ORDER BY v.uuid")
  List<Device> ownedBy(@Bind("ownerId") long ownerId);

  @SqlQuery("SELECT COUNT(*) FROM devices WHERE mac = :mac AND id <> :exceptId")
  int countMac(@Bind("mac") String mac, @Bind("exceptId") long exceptId);

  @SqlQuery("INSERT INTO devices (uuid, domain_id, owner_id, mac, sip_username, enabled, name, device_type, document,"
      + " revision, created_at, updated_at) VALUES (:uuid, :domainId, :ownerId, :mac, :sipUsername, :enabled, :name,"
      + " :deviceType, :document, 1, :now, :now) RETURNING id")
  long insert(@Bind("uuid") String uuid, @Bind("domainId") long domainId, @Bind("ownerId") Long ownerId,
      @Bind("mac") String mac, @Bind("sipUsername") String sipUsername, @Bind("enabled") boolean enabled,
      @Bind("name") String name, @Bind("deviceType") String deviceType, @Bind("document") String document,
      @Bind("now") Instant now);

  /** Writes a new state if the row is still at {@code revision}; 0 when another write came first. */
  @SqlUpdate("UPDATE devices SET owner_id = :ownerId, mac = :mac, sip_username = :sipUsername, enabled = :enabled,"
      + " name = :name, device_type = :deviceType, document = :document, revision = revision + 1, updated_at = :now"
      + " WHERE id = :id AND revision = :revision AND deleted_at IS NULL")
  int update(@Bind("id") long id, @Bind("revision") long revision, @Bind("ownerId") Long ownerId,
      @Bind("mac") String mac, @Bind("sipUsername") String sipUsername, @Bind("enabled") boolean enabled,
      @Bind("name") String name, @Bind("deviceType") String deviceType, @Bind("document") String document,
      @Bind("now") Instant now);

  /** Soft delete: the row and document stay, the MAC, SIP username and phone lines go. */
  @SqlUpdate("UPDATE devices SET deleted_at = :now, mac = NULL, sip_username = NULL, enabled = FALSE,"
      + " revision = revision + 1, updated_at = :now WHERE id = :id AND deleted_at IS NULL")
  int softDelete(@Bind("id") long id, @Bind("now") Instant now);

  /** Deletes a device that is only a phone association (no document, no SIP username). */
  @SqlUpdate("DELETE FROM devices WHERE id = :id AND document IS NULL AND sip_username IS NULL")
  int deleteBare(@Bind("id") long id);

  @SqlUpdate("DELETE FROM device_accounts WHERE device_id = :id")
  int deleteLines(@Bind("id") long id);

  // Credentials

  @SqlUpdate("DELETE FROM device_passwords WHERE device_id = :deviceId")
  int deletePasswords(@Bind("deviceId") long deviceId);

  @SqlUpdate("INSERT INTO device_passwords (device_id, algorithm, ha1, ha1b, created_at)"
      + " VALUES (:deviceId, :algorithm, :ha1, :ha1b, :now)")
  int insertPassword(@Bind("deviceId") long deviceId, @Bind("algorithm") String algorithm, @Bind("ha1") String ha1,
      @Bind("ha1b") String ha1b, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM device_secrets WHERE device_id = :deviceId")
  int deleteSecret(@Bind("deviceId") long deviceId);

  @SqlUpdate("INSERT INTO device_secrets (device_id, ciphertext, updated_at) VALUES (:deviceId, :ciphertext, :now)")
  int insertSecret(@Bind("deviceId") long deviceId, @Bind("ciphertext") String ciphertext, @Bind("now") Instant now);

  @SqlQuery("SELECT ciphertext FROM device_secrets WHERE device_id = :deviceId")
  Optional<String> secret(@Bind("deviceId") long deviceId);
}
