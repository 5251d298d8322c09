package dev.switchboard.core.alias;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.PhoneNumbers;
import dev.switchboard.core.account.SipAddresses;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * Aliases: alias@domain resolves to destination@domain (the SIP side looks them up). The alias
 * domain must be served here; a local destination must exist; an alias may not take an address an
 * account, another alias or a device holds (SipAddresses); a destination has at most one E.164 alias. An E.164 alias takes its
 * number out of the pool, and removing it puts the number back.
 */
public final class AliasService {
  private final Database db;
  private final AccountService accounts;
  private final DomainService domains;
  private final Clock clock;

  public AliasService(Database db, AccountService accounts, DomainService domains, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.domains = domains;
    this.clock = clock;
  }

  public List<Alias> all() {
    return db.read(d -> d.directory().aliases());
  }

  public List<Alias> ofDestination(String user, String domain, boolean e164Only) {
    return db.read(d -> d.directory().aliasesOf(user, DomainService.normalize(domain))).stream()
        .filter(a -> !e164Only || a.e164()).toList();
  }

  public List<Alias> byAlias(String user, String domain) {
    return db.read(d -> d.directory().alias(user, DomainService.normalize(domain))).stream().toList();
  }

  public Alias add(String aliasUser, String aliasDomainRaw, String destUser, String destDomainRaw) {
    String aliasDomain = DomainService.normalize(aliasDomainRaw);
    String destDomain = DomainService.normalize(destDomainRaw);
    if (domains.local(aliasDomain).isEmpty()) {
      throw new RefusedException(RefusedException.Reason.UNKNOWN_DOMAIN, "The alias domain is not served here.");
    }
    if (domains.local(destDomain).isPresent() && accounts.findBySip(destUser, destDomain).isEmpty()) {
      throw new NotFoundException("The destination does not exist.");
    }
    boolean e164 = aliasUser.startsWith("+") && PhoneNumbers.e164(aliasUser).filter(aliasUser::equals).isPresent();
    return db.tx(d -> {
      if (SipAddresses.taken(d, aliasUser, aliasDomain)) {
        throw new RefusedException(RefusedException.Reason.EXISTS, "The alias address is taken.");
      }
      if (e164 && d.directory().aliasesOf(destUser, destDomain).stream().anyMatch(Alias::e164)) {
        throw new RefusedException(RefusedException.Reason.EXISTS, "The destination already has an E.164 alias.");
      }
      d.directory().insertAlias(aliasUser, aliasDomain, destUser, destDomain, e164, clock.instant());
      if (e164) {
        d.directory().deleteNumber(aliasUser);
      }
      return d.directory().alias(aliasUser, aliasDomain).orElseThrow();
    });
  }

  public Alias remove(String aliasUser, String aliasDomainRaw) {
    String aliasDomain = DomainService.normalize(aliasDomainRaw);
    return db.tx(d -> {
      Alias alias = d.directory().alias(aliasUser, aliasDomain)
          .orElseThrow(() -> new NotFoundException("The alias does not exist."));
      d.directory().deleteAlias(aliasUser, aliasDomain);
      if (alias.e164() && d.directory().hasNumber(aliasUser) == 0) {
        d.directory().insertNumber(aliasUser, clock.instant());
      }
      return alias;
    });
  }
}
