package dev.switchboard.core.domain;

import dev.switchboard.core.Ids;
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
    return daos.domains().findByName(name).orElseGet(() -> {
      daos.domains().insert(Ids.uuid(), name, clock.instant());
      return daos.domains().findByName(name).orElseThrow();
    });
  }

  public Domain ensure(String name) {
    return db.tx(daos -> ensure(daos, name));
  }

  public List<Domain> list() {
    return db.read(daos -> daos.domains().list());
  }
}
