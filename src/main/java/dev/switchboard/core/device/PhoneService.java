package dev.switchboard.core.device;

import dev.switchboard.core.Ids;
import dev.switchboard.core.Like;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Phones as devices of the core: one device per MAC address (normalized to 12 lowercase hex), with
 * the accounts it carries as lines. Hermes' phone/* nodes are associations of a MAC and a user.
 */
public final class PhoneService {
  private final Database db;
  private final AccountService accounts;
  private final Clock clock;

  public PhoneService(Database db, AccountService accounts, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** 12 lowercase hex digits from plain, colon, dash or dot separated forms in any case; empty when malformed. */
  public static Optional<String> normalizeMac(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String hex = raw.trim().toLowerCase(Locale.ROOT);
    if (hex.matches("([0-9a-f]{2}[:-]){5}[0-9a-f]{2}") || hex.matches("([0-9a-f]{4}\\.){2}[0-9a-f]{4}")) {
      hex = hex.replaceAll("[:.-]", "");
    }
    return hex.matches("[0-9a-f]{12}") ? Optional.of(hex) : Optional.empty();
  }

  public static String mac(String raw) {
    return normalizeMac(raw).orElseThrow(() -> ValidationException.of("mac", "The MAC address is malformed."));
  }

  public List<String> addressesOf(String rawMac) {
    String mac = mac(rawMac);
    List<String> addresses = db.read(d -> d.directory().addressesOfMac(mac));
    if (addresses.isEmpty()) {
      throw new NotFoundException("No phone with that MAC address.");
    }
    return addresses;
  }

  public List<String> macsOf(String user, String domain) {
    Account account = accounts.findBySip(user, domain).orElseThrow(() -> new NotFoundException("No such user."));
    List<String> macs = db.read(d -> d.directory().macsOf(account.id()));
    if (macs.isEmpty()) {
      throw new NotFoundException("No phone for that user.");
    }
    return macs;
  }

  public List<String> list(String glob) {
    String pattern = Like.glob(glob == null || glob.isEmpty() ? "*" : glob.toLowerCase(Locale.ROOT)
        .replaceAll("[:.-]", ""));
    return db.read(d -> d.directory().macs(pattern));
  }

  public String add(String rawMac, String user, String domain) {
    String mac = mac(rawMac);
    Account account = accounts.findBySip(user, domain).orElseThrow(() -> new NotFoundException("No such user."));
    db.tx(d -> {
      long deviceId = d.directory().deviceByMac(mac)
          .orElseGet(() -> d.directory().insertDevice(Ids.uuid(), mac, clock.instant()));
      if (d.directory().hasLine(deviceId, account.id()) > 0) {
        throw new RefusedException(RefusedException.Reason.EXISTS, "This phone already carries this user.");
      }
      return d.directory().insertLine(deviceId, account.id(), clock.instant());
    });
    return mac;
  }

  public String remove(String rawMac, String user, String domain) {
    String mac = mac(rawMac);
    Account account = accounts.findBySip(user, domain).orElseThrow(() -> new NotFoundException("No such user."));
    db.tx(d -> {
      long deviceId = d.directory().deviceByMac(mac).orElseThrow(() -> new NotFoundException("No such phone."));
      if (d.directory().deleteLine(deviceId, account.id()) == 0) {
        throw new NotFoundException("This phone does not carry this user.");
      }
      // A bare phone association goes with its last line; a device with a document (Kazoo) stays.
      if (d.directory().lines(deviceId) == 0) {
        d.devices().deleteBare(deviceId);
      }
      return null;
    });
    return mac;
  }
}
