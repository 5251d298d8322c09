package dev.switchboard.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Statistics of messages and calls. */
public interface StatisticsDao {
  /** A recorded message. */
  record Message(String id, String fromAddress, Instant sentAt, boolean encrypted, String conferenceId) {}

  /** A recorded call. */
  record Call(String id, String fromAddress, String toAddress, Instant initiatedAt, Instant endedAt,
      String conferenceId) {}

  @SqlUpdate("INSERT INTO statistics_messages (id, from_address, from_domain, sent_at, encrypted, conference_id,"
      + " created_at) VALUES (:id, :from, :fromDomain, :sentAt, :encrypted, :conferenceId, :now)")
  int insertMessage(@Bind("id") String id, @Bind("from") String from, @Bind("fromDomain") String fromDomain,
      @Bind("sentAt") Instant sentAt, @Bind("encrypted") boolean encrypted, @Bind("conferenceId") String conferenceId,
      @Bind("now") Instant now);

  @SqlQuery("SELECT id, from_address, sent_at, encrypted, conference_id FROM statistics_messages WHERE id = :id")
  Optional<Message> message(@Bind("id") String id);

  @SqlUpdate("DELETE FROM statistics_message_devices WHERE message_id = :id AND to_address = :to AND device_id = :device")
  int deleteMessageDevice(@Bind("id") String id, @Bind("to") String to, @Bind("device") String device);

  @SqlUpdate("INSERT INTO statistics_message_devices (message_id, to_address, device_id, last_status, received_at)"
      + " VALUES (:id, :to, :device, :status, :receivedAt)")
  int insertMessageDevice(@Bind("id") String id, @Bind("to") String to, @Bind("device") String device,
      @Bind("status") int status, @Bind("receivedAt") Instant receivedAt);

  @SqlUpdate("INSERT INTO statistics_calls (id, from_address, from_domain, to_address, initiated_at, ended_at,"
      + " conference_id, created_at) VALUES (:id, :from, :fromDomain, :to, :initiatedAt, :endedAt, :conferenceId, :now)")
  int insertCall(@Bind("id") String id, @Bind("from") String from, @Bind("fromDomain") String fromDomain,
      @Bind("to") String to, @Bind("initiatedAt") Instant initiatedAt, @Bind("endedAt") Instant endedAt,
      @Bind("conferenceId") String conferenceId, @Bind("now") Instant now);

  @SqlQuery("SELECT id, from_address, to_address, initiated_at, ended_at, conference_id FROM statistics_calls"
      + " WHERE id = :id")
  Optional<Call> call(@Bind("id") String id);

  @SqlUpdate("UPDATE statistics_calls SET ended_at = :endedAt WHERE id = :id")
  int endCall(@Bind("id") String id, @Bind("endedAt") Instant endedAt);

  @SqlUpdate("DELETE FROM statistics_call_devices WHERE call_id = :id AND device_id = :device")
  int deleteCallDevice(@Bind("id") String id, @Bind("device") String device);

  @SqlUpdate("INSERT INTO statistics_call_devices (call_id, device_id, rang_at, invite_terminated_at,"
      + " invite_terminated_state) VALUES (:id, :device, :rangAt, :terminatedAt, :state)")
  int insertCallDevice(@Bind("id") String id, @Bind("device") String device, @Bind("rangAt") Instant rangAt,
      @Bind("terminatedAt") Instant terminatedAt, @Bind("state") String state);

  @SqlQuery("SELECT sent_at FROM statistics_messages WHERE sent_at >= :from AND sent_at < :to")
  List<Instant> messageTimes(@Bind("from") Instant from, @Bind("to") Instant to);

  @SqlQuery("SELECT sent_at FROM statistics_messages WHERE from_domain = :domain AND sent_at >= :from AND sent_at < :to")
  List<Instant> messageTimesInDomain(@Bind("domain") String domain, @Bind("from") Instant from, @Bind("to") Instant to);

  @SqlQuery("SELECT initiated_at FROM statistics_calls WHERE initiated_at >= :from AND initiated_at < :to")
  List<Instant> callTimes(@Bind("from") Instant from, @Bind("to") Instant to);

  @SqlQuery("SELECT initiated_at FROM statistics_calls WHERE from_domain = :domain AND initiated_at >= :from"
      + " AND initiated_at < :to")
  List<Instant> callTimesInDomain(@Bind("domain") String domain, @Bind("from") Instant from, @Bind("to") Instant to);
}
