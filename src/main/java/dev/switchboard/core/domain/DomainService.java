package dev.switchboard.core.domain;

import dev.switchboard.core.Ids;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.ValidationException;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** SIP domains. Names are lowercase host names. */
public final class DomainService {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private final Database db;
  private final Clock clock;

  public DomainService(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public static String normalize(String name) {
    return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isValidName(String name) {
    return name != null && name.length() <= 255 && NAME.matcher(name).matches();
  }

  /** The domain of that name, created when it does not exist yet (inside the caller's transaction). */
  public Domain ensure(Daos daos, String rawName) {
    String name = normalize(rawName);
    if (!isValidName(name)) {
      throw ValidationException.of("domain", "The domain must be a valid domain name.");
    }
    return daos.fast().domainByName(name).orElseGet(() -> {
      daos.domains().insert(Ids.uuid(), name, clock.instant());
      return daos.fast().domainByName(name).orElseThrow();
    });
  }

  /** The domain of a remote (provisioning-only) user: an existing local domain is refused. */
  public Domain ensureRemote(Daos daos, String rawName) {
    String name = normalize(rawName);
    if (!isValidName(name)) {
      throw ValidationException.of("domain", "The domain must be a valid domain name.");
    }
    Domain domain = daos.fast().domainByName(name).orElseGet(() -> {
      daos.domains().insertRemote(Ids.uuid(), name, clock.instant());
      return daos.fast().domainByName(name).orElseThrow();
    });
    if (domain.local()) {
      throw new RefusedException(RefusedException.Reason.LOCAL_DOMAIN, "The domain " + name + " is local.");
    }
    return domain;
  }

  /** A local domain by name; empty when unknown or remote. */
  public java.util.Optional<Domain> local(String name) {
    return db.read(d -> d.domains().findByName(normalize(name))).filter(Domain::local);
  }

  public List<Domain> listLocal() {
    return db.read(d -> d.domains().listLocal());
  }

  /** Sets the default servers of a domain (created as a local domain when new). */
  public Domain setServers(String name, String registrar, int rPort, String proxy, int pPort, String provUrl) {
    return db.tx(d -> {
      Domain domain = ensure(d, name);
      d.directory().setServers(domain.name(), registrar, rPort, proxy, pPort, provUrl, clock.instant());
      return d.domains().findByName(domain.name()).orElseThrow();
    });
  }

  public Domain ensure(String name) {
    return db.tx(daos -> ensure(daos, name));
  }

  public List<Domain> list() {
    return db.read(daos -> daos.domains().list());
  }
}
