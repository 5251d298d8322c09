package dev.switchboard.face.hermes;

import dev.switchboard.auth.HermesAuth;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.LineService;
import dev.switchboard.core.account.LineSettings;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** user/*: Hermes users are Switchboard accounts (local) or provisioning-only accounts of other domains (remote). */
final class UserNodes {
  private static final int DEFAULT_LIMIT = 1000;

  private final LineService lines;

  UserNodes(LineService lines) {
    this.lines = lines;
  }

  /** The user object: the spec's keys; `password` only where a sealed cleartext is kept, else "". */
  static Map<String, Object> user(LineService.Line line) {
    Account a = line.account();
    LineSettings s = line.settings();
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("type", s.remote() ? "remote" : "local");
    u.put("username", a.username());
    u.put("password", line.password());
    u.put("domain", a.domain());
    u.put("authid", s.authid() == null ? a.username() : s.authid());
    u.put("registrar", s.registrar() == null ? "" : s.registrar());
    u.put("r_port", s.rPort() == null ? "" : s.rPort().toString());
    u.put("proxy", s.proxy() == null ? "" : s.proxy());
    u.put("p_port", s.pPort() == null ? "" : s.pPort().toString());
    u.put("dialplan", nz(s.dialplan()));
    u.put("displayname", nz(a.displayName()));
    u.put("linetext", nz(s.linetext()));
    if (!s.remote()) {
      u.put("email", nz(a.email()));
      u.put("ha1", line.md5().map(p -> p.ha1()).orElse(""));
      u.put("ha1b", line.md5().map(p -> nz(p.ha1b())).orElse(""));
      u.put("rpid", nz(s.rpid()));
      u.put("permittedcalls", nz(s.permittedcalls()));
    }
    return u;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  Map<String, Object> get(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    return Reply.ok("user", user(lines.get(user.user(), user.domain())));
  }

  Map<String, Object> list(Params p, HermesAuth.Caller caller, Context ctx) {
    String domain = p.get("domain");
    if (caller.domain() != null) {
      if (domain != null) {
        Scope.check(caller, domain.toLowerCase(java.util.Locale.ROOT));
      }
      domain = caller.domain();
    }
    int limit = Numbers.positive(p, "limit", DEFAULT_LIMIT);
    List<Map<String, Object>> users = lines.list(p.get("search"), domain, limit).stream()
        .map(a -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("user", a.username() + "@" + a.domain());
          m.put("displayname", nz(a.displayName()));
          return m;
        }).toList();
    return Reply.ok("list", users);
  }

  Map<String, Object> add(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    return Reply.ok("user", user(lines.addLocal(user.user(), user.domain())));
  }

  Map<String, Object> addRemote(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    String password = p.get("password");
    if (password == null) {
      throw HermesException.invalid("parameters", "password is required");
    }
    LineSettings settings = new LineSettings(true, false, p.get("authid"), p.get("registrar"),
        Numbers.port(p, "r_port"), p.get("proxy"), Numbers.port(p, "p_port"), p.get("dialplan"), p.get("linetext"),
        null, null);
    return Reply.ok("user", user(lines.addRemote(user.user(), user.domain(), password, settings, p.get("displayname"))));
  }

  Map<String, Object> remove(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    lines.remove(user.user(), user.domain());
    return Reply.ok("user", user.sip());
  }

  Map<String, Object> changePassword(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    String password = p.get("password");
    if (password == null) {
      throw HermesException.invalid("parameters", "password is required");
    }
    lines.changePassword(user.user(), user.domain(), password);
    return Reply.ok("detail", "Password changed for " + user.sip());
  }

  Map<String, Object> changeEmail(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    Account a = lines.changeEmail(user.user(), user.domain(), p.get("email"));
    return Reply.ok("user", user.sip(), "email", a.email());
  }

  Map<String, Object> update(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    Map<String, String> changes = new LinkedHashMap<>();
    for (String key : new String[] {"password", "displayname", "email", "authid", "registrar", "r_port", "proxy",
        "p_port", "dialplan", "linetext", "rpid", "permittedcalls"}) {
      if (p.all().containsKey(key)) {
        changes.put(key, p.all().get(key));
      }
    }
    LineService.UpdateResult r = lines.update(user.user(), user.domain(), changes);
    return Reply.of(r.failed().isEmpty() ? "ok" : "failed", "updated", r.updated(), "skipped", r.skipped(),
        "failed", r.failed(), "cause", r.failed().isEmpty() ? null : "invalid");
  }

  Map<String, Object> available(Params p, HermesAuth.Caller caller, Context ctx) {
    Address user = Address.user(p);
    Scope.check(caller, user.domain());
    if (lines.available(user.user(), user.domain())) {
      return Reply.ok("cause", "nonexistant");
    }
    throw HermesException.failed("exists", user.sip() + " is in use.");
  }

  /** user/create_password: text/plain, no JSON. */
  Map<String, Object> createPassword(Params p, HermesAuth.Caller caller, Context ctx) {
    ctx.contentType("text/plain; charset=utf-8").result(LineService.generatePassword());
    return null;
  }
}
