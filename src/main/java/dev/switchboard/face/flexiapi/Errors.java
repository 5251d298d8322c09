package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.auth.DigestChallenge;
import dev.switchboard.auth.RateLimitedException;
import dev.switchboard.auth.UnauthorizedException;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.token.TokenService;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The FlexiAPI face's one mapping from failures to Laravel's JSON error shapes. */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private static final String UNAUTHENTICATED = "Unauthenticated.";

  private Errors() {}

  static void render(Exception e, Context ctx) {
    switch (e) {
      case UnauthorizedException u -> {
        for (DigestChallenge challenge : u.challenges()) {
          ctx.res().addHeader("WWW-Authenticate", challenge.headerValue());
        }
        message(ctx, 401, UNAUTHENTICATED);
      }
      case ForbiddenException f -> message(ctx, 403, f.getMessage());
      case NotFoundException n -> message(ctx, 404, n.getMessage());
      case RateLimitedException r -> {
        ctx.header("Retry-After", Long.toString(r.retryAfterSeconds()));
        message(ctx, 429, "Too Many Attempts.");
      }
      case ValidationException v -> validation(ctx, v);
      case TokenService.PushUnavailableException p -> message(ctx, 503, p.getMessage());
      case BadRequestResponse b -> message(ctx, 400, b.getMessage());
      case HttpResponseException h -> message(ctx, h.getStatus(), h.getMessage());
      default -> {
        LOG.error("unhandled error on {} {}", ctx.method().name(), ctx.path(), e);
        message(ctx, 500, "Server Error");
      }
    }
  }

  static void renderStatus(int status, Context ctx) {
    message(ctx, status, status == 404 ? "Not Found" : status == 405 ? "Method Not Allowed" : "Error");
  }

  /** Laravel's 422: the first message (and how many more) plus every message by field. */
  private static void validation(Context ctx, ValidationException v) {
    List<String> all = v.errors().values().stream().flatMap(List::stream).toList();
    String message = all.isEmpty() ? "The given data was invalid." : all.get(0);
    if (all.size() > 1) {
      message += " (and " + (all.size() - 1) + " more error" + (all.size() > 2 ? "s" : "") + ")";
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("errors", v.errors());
    ctx.status(422).json(body);
  }

  private static void message(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("message", message));
  }

  /** The bytes {@link #render} writes for a 401, for the fast routes that answer it themselves. */
  static byte[] unauthenticatedJson(ObjectMapper json) {
    try {
      return json.writeValueAsBytes(Map.of("message", UNAUTHENTICATED));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
