package dev.switchboard.core.registration;

import dev.switchboard.core.Ids;
import dev.switchboard.core.alias.Alias;
import dev.switchboard.core.alias.AliasService;
import dev.switchboard.store.Database;
import dev.switchboard.store.LocationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bindings of RFC 3261 §10.3 over the `location` table: lifetimes within min/max, CSeq order
 * per Call-ID (a lower CSeq is refused, the same one answered as before: a retransmission; a
 * `Contact: *` removes only when its CSeq is higher than that of every binding of its Call-ID), one binding per +sip.instance/reg-id (RFC 5626 §6), at most max_contacts per AOR
 * (the oldest gives way). Reads resolve aliases to their destination; expired rows are never
 * returned and are removed by {@link #sweep} and by the next REGISTER of their AOR.
 */
public final class RegistrationService implements Registrations {
  /** The registrar's limits (sip.min_expires, max_expires, default_expires, max_contacts). */
  public record Settings(int minExpires, int maxExpires, int defaultExpires, int maxContacts) {}

  private final Database db;
  private final AliasService aliases;
  private final Clock clock;
  private final Settings settings;

  public RegistrationService(Database db, AliasService aliases, Clock clock, Settings settings) {
    this.db = db;
    this.aliases = aliases;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public List<Binding> of(String username, String domain) {
    Alias alias = resolve(username, domain);
    return alias == null ? db.locations().live(username, domain, clock.instant())
        : db.locations().live(alias.destinationUsername(), alias.destinationDomain(), clock.instant());
  }

  @Override
  public Set<String> registered(String domain, Set<String> usernames) {
    return db.locations().registered(domain, usernames, clock.instant());
  }

  @Override
  public boolean remove(String username, String domain, String ruidOrInstance) {
    return db.locations().remove(username, domain, ruidOrInstance, clock.instant());
  }

  @Override
  public void removeAll(String username, String domain) {
    db.locations().removeAll(username, domain);
  }

  private Alias resolve(String username, String domain) {
    List<Alias> found = aliases.byAlias(username, domain);
    return found.isEmpty() ? null : found.getFirst();
  }

  /** Removes every expired binding; returns how many. */
  public int sweep() {
    return db.locations().deleteExpired(clock.instant());
  }

  public int minExpires() {
    return settings.minExpires();
  }

  /** The lifetime a contact gets: asked (or the default), cut to the maximum; 0 removes. */
  int lifetime(ContactUpdate c) {
    int asked = c.expires() == null ? settings.defaultExpires() : c.expires();
    return Math.min(asked, settings.maxExpires());
  }

  /** Applies an authenticated REGISTER (§10.3 steps 6-8) in one transaction. */
  public RegisterResult register(RegisterRequest r) {
    for (ContactUpdate c : r.contacts()) {
      int e = lifetime(c);
      if (e != 0 && e < settings.minExpires()) {
        return new RegisterResult.TooBrief(settings.minExpires());
      }
    }
    Instant now = clock.instant();
    return db.locations().update(r.username(), r.domain(), rows -> decide(r, rows, now));
  }

  private LocationStore.Change<RegisterResult> decide(RegisterRequest r, List<Binding> rows, Instant now) {
    List<String> removed = new ArrayList<>();
    Map<String, Binding> current = new LinkedHashMap<>();
    for (Binding b : rows) {
      if (b.expires().isAfter(now)) {
        current.put(b.ruid(), b);
      } else {
        removed.add(b.ruid());
      }
    }
    Map<String, Binding> written = new LinkedHashMap<>();
    if (r.removeAll()) {
      // §10.3 step 6: a binding of another Call-ID goes; one of this Call-ID only for a higher
      // CSeq, else the whole update is aborted (an older or repeated `*` must not undo a refresh).
      if (current.values().stream().anyMatch(b -> b.callId().equals(r.callId()) && r.cseq() <= b.cseq())) {
        return unchanged(r, new RegisterResult.OutOfOrder());
      }
      removed.addAll(current.keySet());
      current.clear();
    }
    for (ContactUpdate c : r.contacts()) {
      Binding match = current.values().stream().filter(b -> sameBinding(b, c)).findFirst().orElse(null);
      if (match != null && match.callId().equals(r.callId()) && r.cseq() < match.cseq()) {
        return unchanged(r, new RegisterResult.OutOfOrder());
      }
      if (match != null && match.callId().equals(r.callId()) && r.cseq() == match.cseq()) {
        // The same request again (its 200 was lost and the transaction forgotten): answer as before.
        return unchanged(r, new RegisterResult.Ok(sorted(current.values())));
      }
      int lifetime = lifetime(c);
      if (lifetime == 0) {
        if (match != null) {
          current.remove(match.ruid());
          written.remove(match.ruid());
          removed.add(match.ruid());
        }
        continue;
      }
      String ruid = match != null ? match.ruid() : "uloc-sb-" + Ids.hex(8);
      Binding b = new Binding(ruid, r.username(), r.domain(), c.contact(), r.received(), r.path(),
          now.plusSeconds(lifetime), c.q(), r.callId(), r.cseq(), r.userAgent(), r.socket(), c.instance(), c.regId(), now);
      current.put(ruid, b);
      written.put(ruid, b);
    }
    // Over the limit: the bindings refreshed longest ago give way, never one this REGISTER wrote
    // unless it alone holds more contacts than allowed.
    List<Binding> oldestFirst = new ArrayList<>(current.values());
    oldestFirst.sort(Comparator.comparing(Binding::lastModified).thenComparing(b -> written.containsKey(b.ruid())));
    for (Binding b : oldestFirst) {
      if (current.size() <= settings.maxContacts()) {
        break;
      }
      current.remove(b.ruid());
      written.remove(b.ruid());
      if (rows.stream().anyMatch(x -> x.ruid().equals(b.ruid()))) {
        removed.add(b.ruid());
      }
    }
    return new LocationStore.Change<>(new BindingChanges(removed, List.copyOf(written.values()), r.connectionId()),
        new RegisterResult.Ok(sorted(current.values())));
  }

  private static LocationStore.Change<RegisterResult> unchanged(RegisterRequest r, RegisterResult result) {
    return new LocationStore.Change<>(new BindingChanges(List.of(), List.of(), r.connectionId()), result);
  }

  private static List<Binding> sorted(java.util.Collection<Binding> bindings) {
    List<Binding> live = new ArrayList<>(bindings);
    live.sort(Comparator.comparing(Binding::lastModified).reversed());
    return live;
  }

  /** RFC 5626 §6: with an instance, the binding is (instance, reg-id); without, the contact URI (§10.3 step 7). */
  private static boolean sameBinding(Binding b, ContactUpdate c) {
    if (c.instance() != null) {
      return c.instance().equals(b.instance()) && c.regId() == b.regId();
    }
    return b.instance() == null && b.contact().equalsIgnoreCase(c.contact());
  }
}
