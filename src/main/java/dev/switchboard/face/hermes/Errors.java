package dev.switchboard.face.hermes;

import dev.switchboard.auth.RateLimitedException;
import dev.switchboard.auth.UnauthorizedException;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.ValidationException;
import dev.switchboard.store.DuplicateKeyException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hermes face's one mapping from failures to its envelope: `invalid`/`failed` with the spec's
 * cause keywords (HTTP 200), `error` for the unexpected (HTTP 500).
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static void render(Exception e, Context ctx) {
    Map<String, Object> body = switch (e) {
      case HermesException h -> Reply.of(h.response(), "cause", h.hermesCause(), h.detailKey(), h.getMessage());
      case UnauthorizedException u -> Reply.of("failed", "cause", "unauthorized", "detail", "Not authorized.");
      case ForbiddenException f -> Reply.of("failed", "cause", "unauthorized", "detail", f.getMessage());
      case RateLimitedException r -> Reply.of("failed", "cause", "unauthorized", "detail",
          "Too many failed logins; retry in " + r.retryAfterSeconds() + " s.");
      case NotFoundException n -> Reply.of("failed", "cause", "nonexistant", "detail", n.getMessage());
      case ValidationException v -> Reply.of("failed", "cause", "invalid", "detail",
          String.join(" ", v.errors().values().stream().flatMap(List::stream).toList()));
      case RefusedException r -> Reply.of("failed", "cause", cause(r.reason()), "detail", r.getMessage());
      case DuplicateKeyException d -> Reply.of("failed", "cause", "exists", "detail", "Already exists.");
      default -> null;
    };
    if (body == null) {
      LOG.error("unhandled error on {} {}", ctx.method().name(), ctx.path(), e);
      ctx.status(500).json(Reply.of("error", "cause", "servfail", "detail", "Internal error."));
      return;
    }
    ctx.status(200).json(body);
  }

  private static String cause(RefusedException.Reason reason) {
    return switch (reason) {
      case EXISTS -> "exists";
      case IN_USE -> "inuse";
      case NO_SERVERS -> "servfail";
      case LOCAL_DOMAIN -> "domain";
      case UNKNOWN_DOMAIN -> "nxdomain";
      case REJECTED -> "rejected";
      case EMPTY -> "empty";
    };
  }

  static void renderStatus(int status, Context ctx) {
    ctx.status(status).json(Reply.of("invalid", "cause", "parameters", "detail",
        status == 404 ? "No such node." : "Method not allowed."));
  }
}
