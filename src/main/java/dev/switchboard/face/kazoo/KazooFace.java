package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.Services;
import dev.switchboard.auth.KazooTokens;
import dev.switchboard.auth.UnauthorizedException;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.domain.Tenant;
import dev.switchboard.core.domain.Tenants;
import dev.switchboard.http.Face;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Kazoo's Crossbar v2 API under /v2: auth, accounts, users and devices. This is its route table:
 * every path with who may call it. The checks run in Crossbar's order: body, token, account id,
 * scope, role; then the handler, whose reply goes out in Crossbar's envelope.
 */
public final class KazooFace implements Face {
  /** Who may call a route. */
  enum Access {
    /** Anyone (the logins). */
    PUBLIC,
    /** A valid token. */
    TOKEN,
    /** A valid token whose account is the URL's account or one of its ancestors. */
    ACCOUNT,
    /** As ACCOUNT, and an admin (or an API-key token). */
    ADMIN
  }

  @FunctionalInterface
  interface Handler {
    Reply handle(Call call);
  }

  private final ObjectMapper json;
  private final Envelope envelope;
  private final Errors errors;
  private final KazooTokens tokens;
  private final Tenants tenants;
  private final Services s;
  private final AuthHandlers auth;
  private final AccountHandlers accounts;
  private final UserHandlers users;
  private final DeviceHandlers devices;

  public KazooFace(Services s) {
    this.s = s;
    this.json = s.json;
    this.envelope = new Envelope(json, s.clock);
    this.errors = new Errors(envelope, json);
    this.tokens = s.kazooAuth.tokens();
    this.tenants = s.tenants;
    Schemas schemas = new Schemas(json);
    this.auth = new AuthHandlers(s.kazooAuth, s.kazooUsers, schemas, errors, json);
    this.accounts = new AccountHandlers(s.tenants, s.kazooAuth, schemas, json, s.config.sip().domain());
    this.users = new UserHandlers(s.kazooUsers, s.deviceService, schemas, json);
    this.devices = new DeviceHandlers(s.deviceService, s.deviceSignals, schemas, json, s.config.kazoo().usersManageAllDevices());
  }

  @Override
  public boolean owns(String path) {
    return path.equals("/v2") || path.startsWith("/v2/");
  }

  @Override
  public void routes(RoutesConfig r) {
    route(r, HandlerType.PUT, "/v2/user_auth", Access.PUBLIC, auth::userAuth);
    route(r, HandlerType.PUT, "/v2/api_auth", Access.PUBLIC, auth::apiAuth);
    route(r, HandlerType.GET, "/v2/token_auth", Access.TOKEN, auth::tokenInfo);
    route(r, HandlerType.DELETE, "/v2/token_auth", Access.TOKEN, auth::revoke);

    route(r, HandlerType.PUT, "/v2/accounts", Access.TOKEN, accounts::createUnderOwn);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}", Access.ACCOUNT, accounts::get);
    route(r, HandlerType.PUT, "/v2/accounts/{account_id}", Access.ADMIN, accounts::create);
    route(r, HandlerType.POST, "/v2/accounts/{account_id}", Access.ADMIN, accounts::replace);
    route(r, HandlerType.PATCH, "/v2/accounts/{account_id}", Access.ADMIN, accounts::patch);
    route(r, HandlerType.DELETE, "/v2/accounts/{account_id}", Access.ADMIN, accounts::delete);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}/children", Access.ACCOUNT, accounts::children);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}/api_key", Access.ADMIN, accounts::apiKey);
    route(r, HandlerType.PUT, "/v2/accounts/{account_id}/api_key", Access.ADMIN, accounts::regenerateApiKey);

    route(r, HandlerType.GET, "/v2/accounts/{account_id}/users", Access.ACCOUNT, users::list);
    route(r, HandlerType.PUT, "/v2/accounts/{account_id}/users", Access.ADMIN, users::create);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}/users/{user_id}", Access.ACCOUNT, users::get);
    route(r, HandlerType.POST, "/v2/accounts/{account_id}/users/{user_id}", Access.ACCOUNT, users::replace);
    route(r, HandlerType.PATCH, "/v2/accounts/{account_id}/users/{user_id}", Access.ACCOUNT, users::patch);
    route(r, HandlerType.DELETE, "/v2/accounts/{account_id}/users/{user_id}", Access.ADMIN, users::delete);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}/users/{user_id}/devices", Access.ACCOUNT, users::devices);

    route(r, HandlerType.GET, "/v2/accounts/{account_id}/devices", Access.ACCOUNT, devices::list);
    route(r, HandlerType.PUT, "/v2/accounts/{account_id}/devices", Access.ACCOUNT, devices::create);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}/devices/status", Access.ACCOUNT, devices::status);
    route(r, HandlerType.GET, "/v2/accounts/{account_id}/devices/{device_id}", Access.ACCOUNT, devices::get);
    route(r, HandlerType.PUT, "/v2/accounts/{account_id}/devices/{device_id}", Access.ACCOUNT, devices::action);
    route(r, HandlerType.POST, "/v2/accounts/{account_id}/devices/{device_id}", Access.ACCOUNT, devices::replace);
    route(r, HandlerType.PATCH, "/v2/accounts/{account_id}/devices/{device_id}", Access.ACCOUNT, devices::patch);
    route(r, HandlerType.DELETE, "/v2/accounts/{account_id}/devices/{device_id}", Access.ACCOUNT, devices::delete);
    route(r, HandlerType.POST, "/v2/accounts/{account_id}/devices/{device_id}/sync", Access.ACCOUNT, devices::sync);
  }

  private void route(RoutesConfig r, HandlerType method, String path, Access access, Handler handler) {
    io.javalin.http.Handler h = ctx -> run(ctx, access, handler);
    if (method.equals(HandlerType.GET)) {
      r.get(path, h);
    } else if (method.equals(HandlerType.PUT)) {
      r.put(path, h);
    } else if (method.equals(HandlerType.POST)) {
      r.post(path, h);
    } else if (method.equals(HandlerType.PATCH)) {
      r.patch(path, h);
    } else if (method.equals(HandlerType.DELETE)) {
      r.delete(path, h);
    } else {
      throw new IllegalArgumentException(method.toString());
    }
  }

  private void run(Context ctx, Access access, Handler handler) {
    Envelope.requestId(ctx);
    ObjectNode body = parseBody(ctx);
    String token = token(ctx, body);
    if (token != null) {
      ctx.attribute(Envelope.AUTH_TOKEN, token);
    }
    Caller caller = access == Access.PUBLIC ? null : caller(token);
    Tenant tenant = null;
    if (ctx.pathParamMap().containsKey("account_id")) {
      tenant = account(ctx.pathParam("account_id"), caller);
    }
    if (access == Access.ADMIN && !caller.admin()) {
      throw new ForbiddenException("admin only");
    }
    envelope.success(ctx, handler.handle(new Call(ctx, body, caller, tenant)));
  }

  private ObjectNode parseBody(Context ctx) {
    String raw = ctx.body();
    if (raw.isBlank()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(raw);
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw KazooException.invalid("json", "invalid", KazooException.message("not an object").put("target", "body"));
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage() == null ? "invalid json" : e.getOriginalMessage();
      long at = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
      throw KazooException.invalid("json", "invalid",
          KazooException.message(reason + " around " + at).put("target", "body"));
    }
  }

  /** X-Auth-Token, else auth_token in data, the query string or the envelope. */
  private static String token(Context ctx, ObjectNode body) {
    String header = ctx.header("X-Auth-Token");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    if (body != null && body.path("data").path("auth_token").isTextual()) {
      return body.path("data").path("auth_token").asText();
    }
    String q = ctx.queryParam("auth_token");
    if (q != null && !q.isBlank()) {
      return q;
    }
    if (body != null && body.path("auth_token").isTextual()) {
      return body.path("auth_token").asText();
    }
    return null;
  }

  private Caller caller(String token) {
    KazooTokens.Claims claims = tokens.verify(token).orElseThrow(() -> new UnauthorizedException("invalid credentials"));
    Tenant home = tenants.find(claims.accountId()).orElseThrow(() -> new UnauthorizedException("invalid credentials"));
    Account user = null;
    if (claims.ownerId() != null) {
      user = s.kazooUsers.find(claims.ownerId()).map(u -> u.account())
          .filter(a -> a.domainId() == home.domain().id() && a.activated() && !a.blocked())
          .orElseThrow(() -> new UnauthorizedException("invalid credentials"));
    }
    return new Caller(token, claims, home, user);
  }

  /** The URL's account: 404 when malformed or unknown, 403 when outside the caller's tree. */
  private Tenant account(String id, Caller caller) {
    if (id.length() != 32) {
      throw new KazooException(404, "bad identifier", KazooException.message("invalid account_id '" + id + "'"));
    }
    Tenant tenant = tenants.find(id).orElseThrow(() -> KazooException.badIdentifier(id));
    if (caller != null && !caller.superAdmin() && !tenants.within(tenant.domain(), caller.home().domain())) {
      throw new ForbiddenException("forbidden");
    }
    return tenant;
  }

  @Override
  public void renderError(Exception e, Context ctx) {
    Envelope.requestId(ctx);
    errors.render(e, ctx);
  }

  @Override
  public void renderStatus(int status, Context ctx) {
    Envelope.requestId(ctx);
    errors.renderStatus(status, ctx);
  }
}
