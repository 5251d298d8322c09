package dev.switchboard.face.hermes;

import dev.switchboard.auth.HermesAuth;
import dev.switchboard.core.alias.Alias;
import dev.switchboard.core.alias.AliasService;
import dev.switchboard.core.device.PhoneService;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.DomainService;
import dev.switchboard.core.number.NumberPool;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** phone/*, number/*, alias/* and domain/*. */
final class DirectoryNodes {
  private static final int DEFAULT_LIMIT = 1000;

  private final PhoneService phones;
  private final NumberPool numbers;
  private final AliasService aliases;
  private final DomainService domains;

  DirectoryNodes(PhoneService phones, NumberPool numbers, AliasService aliases, DomainService domains) {
    this.phones = phones;
    this.numbers = numbers;
    this.aliases = aliases;
    this.domains = domains;
  }

  // phone

  Map<String, Object> phoneGet(Params p, HermesAuth.Caller caller, Context ctx) {
    if (p.has("mac")) {
      List<String> addresses = phones.addressesOf(p.get("mac")).stream()
          .filter(a -> caller.maySee(a.substring(a.lastIndexOf('@') + 1))).toList();
      if (addresses.isEmpty()) {
        throw HermesException.failed("nonexistant", "No phone with that MAC address.");
      }
      return Reply.ok("list", addresses);
    }
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    return Reply.ok("list", phones.macsOf(user.user(), user.domain()));
  }

  Map<String, Object> phoneList(Params p, HermesAuth.Caller caller, Context ctx) {
    return Reply.ok("list", phones.list(p.get("search")));
  }

  Map<String, Object> phoneAdd(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    String mac = phones.add(required(p, "mac"), user.user(), user.domain());
    return Reply.ok("mac", mac, "username", user.user(), "domain", user.domain());
  }

  Map<String, Object> phoneRemove(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    String mac = phones.remove(required(p, "mac"), user.user(), user.domain());
    return Reply.ok("mac", mac, "username", user.user(), "domain", user.domain());
  }

  // number

  Map<String, Object> numberList(Params p, HermesAuth.Caller caller, Context ctx) {
    boolean random = p.has("random") && !"false".equals(p.get("random")) && !"0".equals(p.get("random"));
    return Reply.ok("list", numbers.list(p.get("search"), random, Numbers.positive(p, "limit", DEFAULT_LIMIT)));
  }

  Map<String, Object> numberAdd(Params p, HermesAuth.Caller caller, Context ctx) {
    String number = numbers.add(required(p, "number"));
    return Reply.ok("detail", "Added " + number, "number", number);
  }

  Map<String, Object> numberAddRange(Params p, HermesAuth.Caller caller, Context ctx) {
    int added = numbers.addRange(required(p, "start"), required(p, "end"));
    return Reply.ok("added", added, "detail", "Added " + added + " numbers");
  }

  Map<String, Object> numberRemove(Params p, HermesAuth.Caller caller, Context ctx) {
    return Reply.ok("number", numbers.remove(required(p, "number")));
  }

  Map<String, Object> numberCheck(Params p, HermesAuth.Caller caller, Context ctx) {
    return Reply.ok("number", numbers.check(required(p, "number")));
  }

  // alias

  private static Map<String, Object> alias(Alias a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alias", a.alias());
    m.put("destination", a.destination());
    return m;
  }

  Map<String, Object> aliasList(Params p, HermesAuth.Caller caller, Context ctx) {
    List<Alias> found;
    if (p.has("destination")) {
      Address destination = Address.from(p, "destination", "destination_username", "destination_domain");
      boolean e164 = "true".equalsIgnoreCase(p.get("e164")) || "1".equals(p.get("e164"));
      found = aliases.ofDestination(destination.user(), destination.domain(), e164);
    } else if (p.has("alias") || p.has("alias_username")) {
      Address alias = Address.from(p, "alias", "alias_username", "alias_domain");
      found = aliases.byAlias(alias.user(), alias.domain());
    } else {
      found = aliases.all();
    }
    return Reply.ok("list", found.stream().filter(a -> caller.maySee(a.aliasDomain())).map(DirectoryNodes::alias).toList());
  }

  Map<String, Object> aliasAdd(Params p, HermesAuth.Caller caller, Context ctx) {
    Address alias;
    Address destination;
    try {
      alias = Address.from(p, "alias", "alias_username", "alias_domain");
    } catch (HermesException e) {
      throw HermesException.invalid("alias", e.getMessage());
    }
    try {
      destination = Address.from(p, "destination", "destination_username", "destination_domain");
    } catch (HermesException e) {
      throw HermesException.invalid("destination", e.getMessage());
    }
    Scope.check(caller, alias.domain());
    Scope.check(caller, destination.domain());
    return Reply.ok(alias(aliases.add(alias.user(), alias.domain(), destination.user(), destination.domain()))
        .entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
  }

  Map<String, Object> aliasRemove(Params p, HermesAuth.Caller caller, Context ctx) {
    Address alias;
    try {
      alias = Address.from(p, "alias", "alias_username", "alias_domain");
    } catch (HermesException e) {
      throw HermesException.invalid("address", e.getMessage());
    }
    Scope.check(caller, alias.domain());
    return Reply.ok("alias", aliases.remove(alias.user(), alias.domain()).alias());
  }

  // domain

  Map<String, Object> domainList(Params p, HermesAuth.Caller caller, Context ctx) {
    return Reply.ok("list", domains.listLocal().stream().map(Domain::name).filter(caller::maySee).toList());
  }

  private static Map<String, Object> servers(Domain d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("registrar", d.registrar());
    m.put("r_port", d.rPort());
    m.put("proxy", d.proxy());
    m.put("p_port", d.pPort());
    m.put("prov_url", d.provUrl());
    return m;
  }

  Map<String, Object> getServers(Params p, HermesAuth.Caller caller, Context ctx) {
    String name = DomainService.normalize(required(p, "domain"));
    Scope.check(caller, name);
    Domain d = domains.local(name).filter(x -> x.registrar() != null)
        .orElseThrow(() -> HermesException.failed("nonexistant", "No servers configured for " + name));
    return Reply.ok("servers", servers(d));
  }

  Map<String, Object> setServers(Params p, HermesAuth.Caller caller, Context ctx) {
    for (String key : new String[] {"domain", "registrar", "r_port", "proxy", "p_port", "prov_url"}) {
      if (!p.has(key)) {
        throw HermesException.parameters(key + " is required (domain, registrar, r_port, proxy, p_port, prov_url)");
      }
    }
    String name = DomainService.normalize(p.get("domain"));
    Scope.check(caller, name);
    Integer rPort = port(p, "r_port");
    Integer pPort = port(p, "p_port");
    if (!DomainService.isValidName(name)) {
      throw HermesException.parameters("domain is not a domain name");
    }
    return Reply.ok("servers", servers(domains.setServers(name, p.get("registrar"), rPort, p.get("proxy"), pPort,
        p.get("prov_url"))));
  }

  private static Integer port(Params p, String name) {
    try {
      return Numbers.port(p, name);
    } catch (HermesException e) {
      throw HermesException.parameters(name + " must be numeric (a port number)");
    }
  }

  static String required(Params p, String name) {
    String v = p.get(name);
    if (v == null) {
      throw HermesException.invalid("parameters", name + " is required");
    }
    return v;
  }
}
