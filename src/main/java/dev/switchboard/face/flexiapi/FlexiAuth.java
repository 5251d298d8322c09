package dev.switchboard.face.flexiapi;

import dev.switchboard.auth.Authenticator;
import dev.switchboard.auth.Credentials;
import dev.switchboard.auth.DigestChallenge;
import dev.switchboard.auth.Principal;
import dev.switchboard.auth.UnauthorizedException;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.http.FastRoute;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The one access check of the FlexiAPI face, run before every matched /api handler: reads the
 * request's credentials, authenticates them, and enforces the route's role.
 */
final class FlexiAuth {
  private static final String PRINCIPAL = "switchboard.principal";

  private final Authenticator authenticator;
  /** The body Errors renders for a 401. */
  private final byte[] unauthenticated;

  FlexiAuth(Authenticator authenticator, byte[] unauthenticated) {
    this.authenticator = authenticator;
    this.unauthenticated = unauthenticated;
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

  /**
   * A fast route's answer for the caller its headers prove ({@link Authenticator#prove}), once that
   * answer is ready and the proof completed; with {@code challenge}, the 401 with digest challenges
   * that check() gives a request with a `from` header and no credentials. Else null: check() and the
   * route answer, errors included (see FastRoute).
   */
  CompletionStage<FastRoute.Answer> fast(FastRoute.Request request, Function<Principal, FastRoute.Answer> answer,
      boolean challenge) {
    String apiKey = request.header("x-api-key");
    if (apiKey == null && request.header("Cookie") != null) {
      return FastRoute.DECLINED; // the cookie may hold the key, which check() reads before any Authorization
    }
    String query = request.query();
    Credentials credentials = credentials(apiKey, request.header("Authorization"), request.header("from"), "GET",
        request.path() + (query == null ? "" : "?" + query), request.remoteAddress());
    if (credentials.isEmpty()) {
      FastRoute.Answer challenged = challenge ? challenge(credentials.from()) : null;
      return challenged == null ? FastRoute.DECLINED : challenged.now();
    }
    Optional<Authenticator.Proof> proof = authenticator.prove(credentials);
    if (proof.isEmpty()) {
      return FastRoute.DECLINED;
    }
    FastRoute.Answer answered = answer.apply(proof.get().principal());
    if (answered == null) {
      return FastRoute.DECLINED;
    }
    return proof.get().complete().get().thenApply(recorded -> recorded ? answered : null);
  }

  private FastRoute.Answer challenge(String from) {
    List<DigestChallenge> challenges = authenticator.challengesFor(from);
    if (challenges.isEmpty()) {
      return null;
    }
    List<FastRoute.Header> headers = new ArrayList<>(challenges.size());
    for (DigestChallenge c : challenges) {
      headers.add(new FastRoute.Header("WWW-Authenticate", c.headerValue()));
    }
    return new FastRoute.Answer(401, "application/json", unauthenticated, headers);
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
    String query = ctx.queryString();
    return credentials(apiKey, ctx.header("Authorization"), ctx.header("from"), ctx.method().name(),
        ctx.req().getRequestURI() + (query == null ? "" : "?" + query), ctx.req().getRemoteAddr());
  }

  private static Credentials credentials(String apiKey, String authorization, String from, String method, String uri,
      String remoteAddress) {
    String bearer = null;
    String digest = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      bearer = authorization.substring(7).trim();
    } else if (authorization != null && authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
      digest = authorization;
    }
    return new Credentials(blankToNull(apiKey), blankToNull(bearer), digest, from, method, uri, remoteAddress);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
