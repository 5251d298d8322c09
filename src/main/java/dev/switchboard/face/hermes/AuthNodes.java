package dev.switchboard.face.hermes;

import dev.switchboard.auth.HermesAuth;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.LineService;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** auth/*: login, logout, ping, and the management of keys and authorized users. */
final class AuthNodes {
  private final HermesAuth auth;
  private final AccountService accounts;
  private final LineService lines;

  AuthNodes(HermesAuth auth, AccountService accounts, LineService lines) {
    this.auth = auth;
    this.accounts = accounts;
    this.lines = lines;
  }

  /** auth/login, before any session: `user` + `password`, or `key` bound to the calling host. */
  Map<String, Object> login(Params p, Context ctx) {
    HermesAuth.Login login;
    String remote = ctx.req().getRemoteAddr();
    if (p.has("key")) {
      login = auth.loginWithKey(p.get("key"), remote);
    } else {
      Address user = Address.user(p);
      login = auth.loginWithPassword(user.user(), user.domain(), p.get("password"), remote);
    }
    cookie(ctx, "session", login.session());
    cookie(ctx, "auth_key", login.authKey());
    return Reply.ok("session", login.session(), "auth_key", login.authKey());
  }

  Map<String, Object> logout(Params p, Context ctx) {
    auth.logout(p.get("session"));
    ctx.removeCookie("session", "/");
    ctx.removeCookie("auth_key", "/");
    return Reply.ok();
  }

  Map<String, Object> ping(Params p, HermesAuth.Caller caller, Context ctx) {
    String next = auth.ping(p.get("session"), p.get("auth_key"));
    cookie(ctx, "auth_key", next);
    return Reply.of("pong", "auth_key", next);
  }

  private static void cookie(Context ctx, String name, String value) {
    Cookie c = new Cookie(name, value);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSameSite(SameSite.STRICT);
    ctx.cookie(c);
  }

  private static HermesAuth.Access access(Params p, HermesAuth.Access fallback) {
    String raw = p.get("access");
    if (raw == null) {
      if (fallback == null) {
        throw HermesException.invalid("parameters", "access is required (limited_read, read, write, admin or 1-4)");
      }
      return fallback;
    }
    return HermesAuth.Access.parse(raw)
        .orElseThrow(() -> HermesException.invalid("parameters", "access must be limited_read, read, write, admin or 1-4"));
  }

  Map<String, Object> addKey(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    String host = DirectoryNodes.required(p, "host");
    HermesAuth.Access access = access(p, null);
    String key = auth.addKey(host, access);
    return Reply.ok("key", key, "host", host, "access", access.wireName());
  }

  Map<String, Object> removeKey(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    String key = DirectoryNodes.required(p, "key");
    auth.removeKey(key);
    return Reply.ok("key", key);
  }

  Map<String, Object> listKeys(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    List<Map<String, Object>> keys = auth.keys().stream().map(k -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", k.prefix() + "...");
      m.put("host", k.host());
      m.put("access", k.access().wireName());
      return m;
    }).toList();
    return Reply.ok("list", keys);
  }

  private Account account(Address user) {
    return accounts.findBySip(user.user(), user.domain())
        .orElseThrow(() -> HermesException.failed("nonexistant", user.sip() + " does not exist."));
  }

  Map<String, Object> addUser(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    Address user = Address.user(p);
    HermesAuth.Access access = access(p, null);
    auth.grant(account(user).id(), access);
    return Reply.ok("user", user.sip(), "access", access.wireName());
  }

  Map<String, Object> removeUser(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    Address user = Address.user(p);
    auth.revoke(account(user).id());
    return Reply.ok("user", user.sip());
  }

  Map<String, Object> listUsers(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    List<Map<String, Object>> users = auth.grants().stream().map(g -> {
      Account a = accounts.getById(g.accountId());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("user", a.username() + "@" + a.domain());
      m.put("access", HermesAuth.Access.parse(String.valueOf(g.access())).orElseThrow().wireName());
      return m;
    }).toList();
    return Reply.ok("list", users);
  }

  /** auth/create_user: an API-only operator account (never meant to register over SIP), limited_read by default. */
  Map<String, Object> createUser(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    Address user = Address.user(p);
    String password = DirectoryNodes.required(p, "password");
    HermesAuth.Access access = access(p, HermesAuth.Access.LIMITED_READ);
    if (accounts.addressTaken(user.user(), user.domain())) {
      throw HermesException.failed("exists", user.sip() + " exists.");
    }
    Account created = accounts.createUser(user.user(), user.domain(), password, null);
    lines.markApiOnly(created.id());
    auth.grant(created.id(), access);
    return Reply.ok("user", user.sip(), "access", access.wireName());
  }

  /** auth/update_user: a new password and/or access level for an operator. */
  Map<String, Object> updateUser(Params p, HermesAuth.Caller caller, Context ctx) {
    Scope.global(caller);
    Address user = Address.user(p);
    Account account = account(user);
    if (!p.has("password") && !p.has("access")) {
      throw HermesException.invalid("parameters", "give password and/or access");
    }
    if (p.has("password")) {
      lines.changePassword(account.username(), account.domain(), p.get("password"));
    }
    Map<String, Object> out = Reply.ok("user", user.sip());
    if (p.has("access")) {
      HermesAuth.Access access = access(p, null);
      auth.grant(account.id(), access);
      out.put("access", access.wireName());
    }
    return out;
  }
}
