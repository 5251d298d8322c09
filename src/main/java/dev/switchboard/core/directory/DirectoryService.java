package dev.switchboard.core.directory;

import dev.switchboard.config.Config;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.contact.ContactService;
import dev.switchboard.store.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directory lookups by profile: every source of the profile is asked, their lines merged and sorted
 * by name then number (code-point order, as phoned). A failing source is logged and skipped.
 */
public final class DirectoryService {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryService.class);

  private final Map<String, List<Source>> profiles = new LinkedHashMap<>();
  private final Database db;

  public DirectoryService(Database db, ContactService contacts, Config.Directory config, java.time.Clock clock) {
    this.db = db;
    AccountIndex index = new AccountIndex(db, clock, java.time.Duration.ofSeconds(config.refreshSeconds()));
    config.profiles().forEach((name, profile) -> {
      List<Source> sources = new ArrayList<>();
      for (Config.Source s : profile.sources()) {
        sources.add(switch (s.type()) {
          case "accounts" -> new AccountsSource(index, s.domains());
          case "personal" -> new PersonalSource(contacts);
          case "csv" -> new CsvSource(s);
          case "ldap" -> new LdapSource(s);
          default -> throw new IllegalArgumentException("unknown source type " + s.type());
        });
      }
      profiles.put(name, List.copyOf(sources));
    });
  }

  public boolean hasProfile(String profile) {
    return profiles.containsKey(profile);
  }

  /** The account a phone names by its uuid; 404 when unknown. */
  public Optional<Account> user(String uuid) {
    if (uuid == null || uuid.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(db.read(d -> d.accounts().findByUuid(uuid.replace("-", "").toLowerCase(java.util.Locale.ROOT)))
        .orElseThrow(() -> new NotFoundException("unknown-user")));
  }

  public List<Line> lookup(String profile, String term, Account user) {
    List<Source> sources = profiles.get(profile);
    if (sources == null) {
      throw new NotFoundException("The profile `" + profile + "` does not exist");
    }
    String raw = term == null ? "" : term.strip();
    List<Line> lines = new ArrayList<>();
    for (Source source : sources) {
      try {
        lines.addAll(source.lookup(raw, user));
      } catch (Exception e) {
        LOG.warn("directory source {} failed, skipped: {}", source.getClass().getSimpleName(), e.toString());
      }
    }
    lines.sort(Comparator.comparing(Line::name).thenComparing(Line::number));
    return lines;
  }
}
