package dev.switchboard.core.domain;

import dev.switchboard.core.Ids;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.Violation;
import dev.switchboard.core.ViolationsException;
import dev.switchboard.core.registration.Registrations;
import dev.switchboard.store.Daos;
import dev.switchboard.store.Database;
import dev.switchboard.store.DuplicateKeyException;
import dev.switchboard.store.KazooDao;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Domains as a tree of Kazoo accounts; deleting one takes its users, devices and their SIP bindings. Names are unique system-wide once normalized to lowercase
 * alphanumerics ("Acme, Inc." and "acme inc" collide), realms are the domain names. A realm is
 * fixed once the domain has accounts or devices: their HA1s are bound to it.
 */
public final class Tenants {
  private final Database db;
  private final Clock clock;
  private final Registrations registrations;

  public Tenants(Database db, Clock clock, Registrations registrations) {
    this.db = db;
    this.clock = clock;
    this.registrations = registrations;
  }

  /** Kazoo's account-name normalization: lowercase letters and digits only. */
  public static String normalizeName(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  public Optional<Tenant> find(String uuid) {
    return db.read(d -> d.kazoo().domainByUuid(uuid).filter(Domain::local).map(dom -> tenant(d, dom)));
  }

  public Tenant get(String uuid) {
    return find(uuid).orElseThrow(() -> new NotFoundException(uuid));
  }

  public Tenant of(Domain domain) {
    return db.read(d -> tenant(d, domain));
  }

  private static Tenant tenant(Daos d, Domain domain) {
    return d.kazoo().account(domain.id())
        .map(r -> new Tenant(domain, r.name(), r.parentId(), r.document(), r.revision()))
        .orElseGet(() -> new Tenant(domain, domain.name(), null, "{}", 1));
  }

  /** True when {@code inner} is {@code outer} or one of its descendants. */
  public boolean within(Domain inner, Domain outer) {
    return db.read(d -> {
      Long at = inner.id();
      for (int depth = 0; at != null && depth < 64; depth++) {
        if (at == outer.id()) {
          return true;
        }
        at = d.kazoo().account(at).map(KazooDao.AccountRow::parentId).orElse(null);
      }
      return false;
    });
  }

  public List<Tenant> children(Domain parent) {
    return db.read(d -> d.kazoo().children(parent.id()).stream()
        .map(id -> tenant(d, d.kazoo().domainById(id).orElseThrow())).toList());
  }

  /** A domain whose Kazoo name or realm is {@code name} (normalized), for user_auth's account_name. */
  public List<Tenant> byName(String name) {
    String normalized = normalizeName(name);
    return db.read(d -> {
      List<Tenant> found = new ArrayList<>();
      for (Long id : d.kazoo().byNormalizedName(normalized)) {
        d.kazoo().domainById(id).ifPresent(dom -> found.add(tenant(d, dom)));
      }
      for (Domain dom : d.domains().listLocal()) {
        if (d.kazoo().account(dom.id()).isEmpty() && normalizeName(dom.name()).equals(normalized)) {
          found.add(tenant(d, dom));
        }
      }
      return found;
    });
  }

  public Optional<Tenant> byRealm(String realm) {
    return db.read(d -> d.domains().findByName(DomainService.normalize(realm)).filter(Domain::local)
        .map(dom -> tenant(d, dom)));
  }

  /** Creates a sub-account of {@code parent}: a new domain named {@code realm}. */
  public Tenant create(Domain parent, String name, String realm, String document, List<Violation> found) {
    try {
      return db.tx(d -> {
        List<Violation> all = new ArrayList<>(found);
        String normalized = normalizeName(name);
        checkName(d, name, normalized, -1, all);
        String r = DomainService.normalize(realm);
        if (!DomainService.isValidName(r)) {
          all.add(Violation.of("realm", "invalid", "Account realm must be a valid domain name", realm));
        } else if (d.domains().findByName(r).isPresent()) {
          all.add(Violation.of("realm", "unique", "Account realm already in use", realm));
        }
        if (!all.isEmpty()) {
          throw new ViolationsException(all);
        }
        Instant now = clock.instant();
        long id = d.domains().insert(Ids.uuid(), r, now);
        d.kazoo().insertAccount(id, name, normalized, parent == null ? null : parent.id(), document, 1, now);
        return tenant(d, d.kazoo().domainById(id).orElseThrow());
      });
    } catch (DuplicateKeyException e) {
      throw new ViolationsException(List.of(Violation.of("name", "unique", "Account name already in use", name)));
    }
  }

  /** Replaces a tenant's name, realm and document. */
  public Tenant update(Tenant current, String name, String realm, String document, List<Violation> found) {
    try {
      return db.tx(d -> {
        List<Violation> all = new ArrayList<>(found);
        String normalized = normalizeName(name);
        checkName(d, name, normalized, current.domain().id(), all);
        String r = DomainService.normalize(realm);
        boolean renamed = !r.equals(current.domain().name());
        if (renamed) {
          if (!DomainService.isValidName(r)) {
            all.add(Violation.of("realm", "invalid", "Account realm must be a valid domain name", realm));
          } else if (d.domains().findByName(r).isPresent()) {
            all.add(Violation.of("realm", "unique", "Account realm already in use", realm));
          } else if (!d.kazoo().accountsOf(current.domain().id()).isEmpty()
              || !d.devices().inDomain(current.domain().id()).isEmpty()) {
            all.add(Violation.of("realm", "invalid",
                "Account realm cannot change while users or devices hold credentials in it", realm));
          }
        }
        if (!all.isEmpty()) {
          throw new ViolationsException(all);
        }
        Instant now = clock.instant();
        if (renamed) {
          d.kazoo().renameDomain(current.domain().id(), r, now);
        }
        d.kazoo().deleteAccount(current.domain().id());
        d.kazoo().insertAccount(current.domain().id(), name, normalized, current.parentId(), document,
            current.revision() + 1, now);
        return tenant(d, d.kazoo().domainById(current.domain().id()).orElseThrow());
      });
    } catch (DuplicateKeyException e) {
      throw new ViolationsException(List.of(Violation.of("name", "unique", "Account name already in use", name)));
    }
  }

  /** Deletes a tenant with its users and devices; refused while it has sub-accounts. */
  public void delete(Tenant current) {
    db.tx(d -> {
      long id = current.domain().id();
      if (!d.kazoo().children(id).isEmpty()) {
        throw new RefusedException(RefusedException.Reason.IN_USE, "account_has_descendants");
      }
      List<String> usernames = new ArrayList<>();
      d.kazoo().accountsOf(id).forEach(a -> usernames.add(a.username()));
      d.devices().inDomain(id).stream().map(v -> v.sipUsername()).filter(u -> u != null).forEach(usernames::add);
      String realm = current.domain().name();
      d.afterCommit(() -> usernames.forEach(u -> registrations.removeAll(u, realm)));
      d.kazoo().deleteDevicesOf(id);
      d.kazoo().deleteAccountsOf(id);
      d.kazoo().deleteAccount(id);
      d.kazoo().deleteApiKey(id);
      return d.kazoo().deleteDomain(id);
    });
  }

  private static void checkName(Daos d, String name, String normalized, long selfId, List<Violation> all) {
    if (normalized.isEmpty()) {
      return; // the schema reports a missing or empty name
    }
    boolean taken = d.kazoo().byNormalizedName(normalized).stream().anyMatch(id -> id != selfId)
        || d.domains().listLocal().stream().anyMatch(dom -> dom.id() != selfId
            && d.kazoo().account(dom.id()).isEmpty() && normalizeName(dom.name()).equals(normalized));
    if (taken) {
      all.add(Violation.of("name", "unique", "Account name already in use", name));
    }
  }
}
