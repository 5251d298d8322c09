package dev.switchboard.face.flexiapi;

import dev.switchboard.auth.Authenticator;
import dev.switchboard.auth.Credentials;
import dev.switchboard.auth.Principal;
import dev.switchboard.auth.UnauthorizedException;
import dev.switchboard.core.ForbiddenException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * The one access check of the FlexiAPI face, run before every matched /api handler: reads the
 * request's credentials, authenticates them, and enforces the route's role.
 */
final class FlexiAuth {
  private static final String PRINCIPAL = "switchboard.principal";

  private final Authenticator authenticator;

  FlexiAuth(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  void check(Context ctx) {
    Set<?> roles = ctx.routeRoles();
    if (roles.isEmpty() || roles.contains(ApiRole.PUBLIC)) {
      return;
    }
    Credentials credentials = credentials(ctx);
    Optional<Principal> principal = authenticator.authenticate(credentials);
    if (principal.isEmpty()) {
      throw new UnauthorizedException("Unauthenticated.", authenticator.challengesFor(credentials.from()));
    }
    if (roles.contains(ApiRole.ADMIN) && !principal.get().role().isAdmin()) {
      throw new ForbiddenException("This action is unauthorized.");
    }
    ctx.attribute(PRINCIPAL, principal.get());
  }

  /** The caller of a fast route: an x-api-key header that proves an account, else empty (see FastRoute). */
  Optional<Principal> byApiKeyHeader(dev.switchboard.http.FastRoute.Request request) {
    return authenticator.byApiKeyAlone(request.header("x-api-key"), request.remoteAddress());
  }

  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("route has no role: " + ctx.path());
    }
    return p;
  }

  private static Credentials credentials(Context ctx) {
    String apiKey = ctx.header("x-api-key");
    if (apiKey == null) {
      apiKey = ctx.cookie("x-api-key");
    }
    String authorization = ctx.header("Authorization");
    String bearer = null;
    String digest = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      bearer = authorization.substring(7).trim();
    } else if (authorization != null && authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
      digest = authorization;
    }
    String query = ctx.queryString();
    String uri = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
    return new Credentials(blankToNull(apiKey), blankToNull(bearer), digest, ctx.header("from"),
        ctx.method().name(), uri, ctx.req().getRemoteAddr());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
