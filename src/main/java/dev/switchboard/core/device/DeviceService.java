package dev.switchboard.core.device;

import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.SecretBox;
import dev.switchboard.core.Violation;
import dev.switchboard.core.ViolationsException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.core.account.SipAddresses;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.registration.Registrations;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Devices with their own SIP credentials (Kazoo devices), as rows of the one devices table that
 * Hermes phone associations and desk-phone provisioning use. The rules: a SIP username is a SIP
 * address of its realm like any other (see SipAddresses); a MAC is 12 lowercase hex
 * and unique system-wide; the password is kept only sealed, with the MD5 and SHA-256 HA1s (and
 * ha1b) the registrar checks. A deleted device keeps its row but loses MAC, username and credentials.
 */
public final class DeviceService {
  private final Database db;
  private final SecretBox box;
  private final Clock clock;
  private final Registrations registrations;

  public DeviceService(Database db, SecretBox box, Clock clock, Registrations registrations) {
    this.db = db;
    this.box = box;
    this.clock = clock;
    this.registrations = registrations;
  }

  /** A live device by uuid. */
  public Optional<Device> find(String uuid) {
    return db.read(d -> d.devices().byUuid(uuid)).filter(v -> v.deletedAt() == null && v.document() != null);
  }

  public Device get(long domainId, String uuid) {
    return find(uuid).filter(v -> v.domainId() != null && v.domainId() == domainId)
        .orElseThrow(() -> new NotFoundException(uuid));
  }

  public List<Device> inDomain(long domainId) {
    return db.read(d -> d.devices().inDomain(domainId));
  }

  /** The cleartext SIP password of a device, or null when it has none. */
  public String password(Device device) {
    return db.read(d -> d.devices().secret(device.id())).map(box::open).orElse(null);
  }

  /**
   * Whether {@code caller} may create or change a device owned by {@code ownerUuid}: admins always,
   * users only their own devices unless {@code usersManageAll}.
   */
  public static void checkMayChange(Account caller, boolean admin, boolean usersManageAll, String... ownerUuids) {
    if (admin || usersManageAll) {
      return;
    }
    for (String owner : ownerUuids) {
      if (!caller.uuid().equals(owner)) {
        throw new ForbiddenException("Users change only the devices they own.");
      }
    }
  }

  /** Creates a device in the domain; {@code found} are the face's own violations, reported with these. */
  public Device create(Domain domain, String uuid, DeviceInput in, List<Violation> found) {
    String id = uuid != null ? uuid : Ids.uuid();
    return write(domain, -1, in, () -> db.tx(d -> {
      List<Violation> all = new ArrayList<>(found);
      if (d.devices().byUuid(id).isPresent()) {
        all.add(Violation.of("id", "unique", "Document id already in use", id));
      }
      String mac = checkUnique(d, domain, -1, in, all);
      if (!all.isEmpty()) {
        throw new ViolationsException(all);
      }
      Instant now = clock.instant();
      long rowId = d.devices().insert(id, domain.id(), owner(d, domain, in.ownerUuid()), mac, blankToNull(in.sipUsername()),
          in.enabled(), in.name(), in.deviceType(), in.document(), now);
      storeCredentials(d, rowId, domain, in, now);
      return d.devices().byUuid(id).orElseThrow();
    }));
  }

  /**
   * Replaces the state of a live device; fails with 404 when it was deleted meanwhile. When its SIP
   * username or password changes, its bindings go once this commits, unless {@code keepBindings}:
   * then the caller removes them ({@link #unbind}) after a last NOTIFY through them.
   */
  public Device replace(Domain domain, Device current, DeviceInput in, List<Violation> found, boolean keepBindings) {
    return write(domain, current.id(), in, () -> db.tx(d -> {
      List<Violation> all = new ArrayList<>(found);
      String mac = checkUnique(d, domain, current.id(), in, all);
      if (!all.isEmpty()) {
        throw new ViolationsException(all);
      }
      Instant now = clock.instant();
      Long owner = owner(d, domain, in.ownerUuid());
      // Last write wins, as in Kazoo; the revision only orders writes and names the state. A
      // concurrent writer that committed first leaves our guarded update at 0 rows: read its
      // revision and write again, so that the row lock we then hold orders our credentials after
      // theirs and the document and the credentials always come from the same writer.
      String oldUsername;
      for (int attempt = 0; ; attempt++) {
        Device fresh = d.devices().byUuid(current.uuid()).filter(v -> v.deletedAt() == null)
            .orElseThrow(() -> new NotFoundException(current.uuid()));
        oldUsername = fresh.sipUsername();
        if (d.devices().update(fresh.id(), fresh.revision(), owner, mac, blankToNull(in.sipUsername()), in.enabled(),
            in.name(), in.deviceType(), in.document(), now) == 1) {
          break;
        }
        if (attempt == 10) {
          throw new RefusedException(RefusedException.Reason.REJECTED, "The device changed too often meanwhile.");
        }
      }
      // Still the old secret: the update above holds the row, and the credentials are written below.
      String oldPassword = d.devices().secret(current.id()).map(box::open).orElse(null);
      boolean changed = !Objects.equals(oldUsername, blankToNull(in.sipUsername()))
          || !Objects.equals(oldPassword, in.sipPassword());
      if (changed && !keepBindings && oldUsername != null) {
        String gone = oldUsername;
        d.afterCommit(() -> registrations.removeAll(gone, domain.name()));
      }
      storeCredentials(d, current.id(), domain, in, now);
      return d.devices().byUuid(current.uuid()).orElseThrow();
    }));
  }

  /** Removes every binding of the device's SIP username (see {@link #replace}). */
  public void unbind(Domain domain, Device device) {
    if (device.sipUsername() != null) {
      registrations.removeAll(device.sipUsername(), domain.name());
    }
  }

  /** Soft delete: gone for every face, with its MAC, SIP username, credentials, phone lines and bindings. */
  public Device delete(Domain domain, Device current) {
    return db.tx(d -> {
      d.afterCommit(() -> unbind(domain, current));
      Instant now = clock.instant();
      if (d.devices().softDelete(current.id(), now) == 0) {
        throw new NotFoundException(current.uuid());
      }
      d.devices().deletePasswords(current.id());
      d.devices().deleteSecret(current.id());
      d.devices().deleteLines(current.id());
      return d.devices().byUuid(current.uuid()).orElseThrow();
    });
  }

  private <T> T write(Domain domain, long selfId, DeviceInput in, java.util.function.Supplier<T> work) {
    return ViolationsException.unlessTaken(work, () -> {
      // The MAC or the username: say which.
      List<Violation> taken = new ArrayList<>();
      db.read(d -> checkUnique(d, domain, selfId, in, taken));
      if (taken.isEmpty()) {
        taken.add(Violation.of("sip.username", "unique", "SIP credentials already in use", in.sipUsername()));
      }
      return taken;
    });
  }

  /** The normalized MAC (null for none), after adding the uniqueness violations to {@code all}. */
  private static String checkUnique(Daos d, Domain domain, long selfId, DeviceInput in, List<Violation> all) {
    String mac = null;
    if (in.mac() != null && !in.mac().isEmpty()) {
      String cleaned = in.mac().toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
      Optional<String> normalized = PhoneService.normalizeMac(cleaned);
      if (normalized.isEmpty()) {
        all.add(Violation.of("mac_address", "invalid", "MAC address must be 12 hexadecimal digits", in.mac()));
      } else {
        mac = normalized.get();
        if (d.devices().countMac(mac, selfId) > 0) {
          all.add(Violation.of("mac_address", "unique", "MAC address already in use", mac));
        }
      }
    }
    String username = blankToNull(in.sipUsername());
    if (username != null && SipAddresses.takenByOtherThanDevice(d, username, domain.name(), selfId)) {
      all.add(Violation.of("sip.username", "unique", "SIP credentials already in use", username));
    }
    return mac;
  }

  private static Long owner(Daos d, Domain domain, String ownerUuid) {
    if (ownerUuid == null) {
      return null;
    }
    return d.kazoo().accountByUuid(ownerUuid).filter(a -> a.domainId() == domain.id()).map(Account::id).orElse(null);
  }

  /** HA1s of username:realm:password (MD5 with ha1b, SHA-256) and the sealed cleartext, or none. */
  private void storeCredentials(Daos d, long deviceId, Domain domain, DeviceInput in, Instant now) {
    d.devices().deletePasswords(deviceId);
    d.devices().deleteSecret(deviceId);
    String username = blankToNull(in.sipUsername());
    String password = in.sipPassword();
    if (password != null) {
      d.devices().insertSecret(deviceId, box.seal(password), now);
    }
    if (username == null || password == null) {
      return;
    }
    String realm = domain.name();
    d.devices().insertPassword(deviceId, Algorithm.MD5.wireName(), Algorithm.MD5.ha1(username, realm, password),
        Algorithm.MD5.hex(username + "@" + realm + ":" + realm + ":" + password), now);
    d.devices().insertPassword(deviceId, Algorithm.SHA256.wireName(), Algorithm.SHA256.ha1(username, realm, password),
        null, now);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
