package dev.switchboard.core.statistics;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Validation;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.account.SipAddress;
import dev.switchboard.store.Database;
import dev.switchboard.store.DuplicateKeyException;
import dev.switchboard.store.StatisticsDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of messages and calls as the Flexisip server announces them, and the per-day counts an
 * operator reads. A second announcement of the same id is refused (422, Laravel's unique rule).
 */
public final class StatisticsService {
  private static final int MAX_DAYS = 366;

  /** A day's count. */
  public record DayCount(LocalDate day, long count) {}

  private final Database db;
  private final Clock clock;
  private final boolean adminsManageMultiDomains;

  public StatisticsService(Database db, Clock clock, boolean adminsManageMultiDomains) {
    this.db = db;
    this.clock = clock;
    this.adminsManageMultiDomains = adminsManageMultiDomains;
  }

  /** An ISO 8601 date-time (with Z or an offset); null when absent or invalid (the error is recorded). */
  public static Instant instant(Validation v, String field, String value, boolean required) {
    if (value == null || value.isEmpty()) {
      v.check(!required, field, "The " + field.replace('_', ' ') + " field is required.");
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      v.add(field, "The " + field.replace('_', ' ') + " must be a valid ISO 8601 date.");
      return null;
    }
  }

  private static void required(Validation v, String field, String value) {
    v.check(value != null && !value.isEmpty(), field, "The " + field.replace('_', ' ') + " field is required.");
  }

  private static String domainOf(String address) {
    return address == null ? null : SipAddress.parse(address.contains(":") ? address : "sip:" + address)
        .map(SipAddress::domain).orElse(null);
  }

  public StatisticsDao.Message createMessage(String id, String from, String sentAt, Boolean encrypted,
      String conferenceId) {
    Validation v = new Validation();
    required(v, "id", id);
    required(v, "from", from);
    Instant sent = instant(v, "sent_at", sentAt, true);
    v.check(encrypted != null, "encrypted", "The encrypted field is required.");
    v.throwIfAny();
    unique(() -> db.tx(d -> d.statistics().insertMessage(id, from, domainOf(from), sent, encrypted, conferenceId,
        clock.instant())));
    return db.read(d -> d.statistics().message(id)).orElseThrow();
  }

  public void messageDevice(String messageId, String to, String deviceId, Integer lastStatus, String receivedAt) {
    Validation v = new Validation();
    v.check(lastStatus != null, "last_status", "The last status field is required.");
    Instant received = instant(v, "received_at", receivedAt, true);
    v.throwIfAny();
    db.tx(d -> {
      d.statistics().message(messageId).orElseThrow(() -> new NotFoundException("Message not found"));
      d.statistics().deleteMessageDevice(messageId, to, deviceId);
      return d.statistics().insertMessageDevice(messageId, to, deviceId, lastStatus, received);
    });
  }

  public StatisticsDao.Call createCall(String id, String from, String to, String initiatedAt, String endedAt,
      String conferenceId) {
    Validation v = new Validation();
    required(v, "id", id);
    required(v, "from", from);
    required(v, "to", to);
    Instant initiated = instant(v, "initiated_at", initiatedAt, true);
    Instant ended = instant(v, "ended_at", endedAt, false);
    v.throwIfAny();
    unique(() -> db.tx(d -> d.statistics().insertCall(id, from, domainOf(from), to, initiated, ended, conferenceId,
        clock.instant())));
    return db.read(d -> d.statistics().call(id)).orElseThrow();
  }

  public void callDevice(String callId, String deviceId, String rangAt, String terminatedAt, String state) {
    Validation v = new Validation();
    Instant rang = instant(v, "rang_at", rangAt, false);
    Instant terminated = instant(v, "invite_terminated.at", terminatedAt, false);
    v.throwIfAny();
    db.tx(d -> {
      d.statistics().call(callId).orElseThrow(() -> new NotFoundException("Call not found"));
      d.statistics().deleteCallDevice(callId, deviceId);
      return d.statistics().insertCallDevice(callId, deviceId, rang, terminated, state);
    });
  }

  public StatisticsDao.Call endCall(String callId, String endedAt) {
    Validation v = new Validation();
    Instant ended = instant(v, "ended_at", endedAt, true);
    v.throwIfAny();
    if (db.tx(d -> d.statistics().endCall(callId, ended)) == 0) {
      throw new NotFoundException("Call not found");
    }
    return db.read(d -> d.statistics().call(callId)).orElseThrow();
  }

  /** Per-day counts of messages (calls when {@code calls}) from {@code from} to {@code to} inclusive, UTC days. */
  public List<DayCount> daily(Account caller, boolean calls, String from, String to, String domain) {
    Validation v = new Validation();
    LocalDate first = date(v, "from", from);
    LocalDate last = date(v, "to", to);
    if (first != null && last != null) {
      v.check(!last.isBefore(first), "to", "The to must be a date after or equal to from.");
      v.check(ChronoUnit.DAYS.between(first, last) < MAX_DAYS, "to", "At most " + MAX_DAYS + " days at once.");
    }
    v.throwIfAny();
    String scope = scope(caller, domain);
    Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Instant> times = db.read(d -> calls
        ? (scope == null ? d.statistics().callTimes(start, end) : d.statistics().callTimesInDomain(scope, start, end))
        : (scope == null ? d.statistics().messageTimes(start, end)
            : d.statistics().messageTimesInDomain(scope, start, end)));
    Map<LocalDate, Long> counts = new TreeMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      counts.put(day, 0L);
    }
    for (Instant t : times) {
      counts.merge(t.atZone(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
    }
    List<DayCount> out = new ArrayList<>();
    counts.forEach((day, count) -> out.add(new DayCount(day, count)));
    return out;
  }

  /** The domain filter in force: an admin bound to its domain sees only it (403 for another). */
  private String scope(Account caller, String domain) {
    String asked = domain == null || domain.isBlank() ? null : domain.trim().toLowerCase(java.util.Locale.ROOT);
    if (caller.role() == Role.SUPER_ADMIN || adminsManageMultiDomains) {
      return asked;
    }
    if (asked != null && !asked.equals(caller.domain())) {
      throw new ForbiddenException("Statistics of another domain.");
    }
    return caller.domain();
  }

  private static LocalDate date(Validation v, String field, String value) {
    if (value == null || value.isEmpty()) {
      v.add(field, "The " + field + " field is required.");
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      v.add(field, "The " + field + " must be a date (YYYY-MM-DD).");
      return null;
    }
  }

  private static void unique(Runnable write) {
    try {
      write.run();
    } catch (DuplicateKeyException e) {
      throw ValidationException.of("id", "The id has already been taken.");
    }
  }
}
