package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.auth.RateLimitedException;
import dev.switchboard.auth.UnauthorizedException;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.RefusedException;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.Violation;
import dev.switchboard.core.ViolationsException;
import dev.switchboard.store.DuplicateKeyException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kazoo face's one mapping from failures to Crossbar's error envelope. */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Envelope envelope;
  private final ObjectMapper json;

  Errors(Envelope envelope, ObjectMapper json) {
    this.envelope = envelope;
    this.json = json;
  }

  void render(Exception e, Context ctx) {
    switch (e) {
      case KazooException k -> envelope.error(ctx, k.status(), k.getMessage(), k.data());
      case ViolationsException v -> envelope.error(ctx, 400, "validation error", violations(v.violations()));
      case ValidationException v -> {
        ObjectNode data = F.objectNode();
        v.errors().forEach((field, messages) -> data.putObject(field).putObject("invalid").put("message", messages.get(0)));
        envelope.error(ctx, 400, "validation error", data);
      }
      case UnauthorizedException u -> envelope.error(ctx, 401, "invalid_credentials",
          KazooException.message("invalid credentials"));
      case ForbiddenException f -> envelope.error(ctx, 403, "forbidden",
          KazooException.message("forbidden").put("cause", f.getMessage()));
      case NotFoundException n -> envelope.error(ctx, 404, "bad_identifier",
          F.objectNode().put("cause", n.getMessage()).put("message", "bad identifier"));
      case RateLimitedException r -> {
        ctx.header("Retry-After", Long.toString(r.retryAfterSeconds()));
        envelope.error(ctx, 429, "too_many_requests", KazooException.message("too many requests"));
      }
      case RefusedException r -> envelope.error(ctx, 409, r.getMessage(), KazooException.message(r.getMessage()));
      case DuplicateKeyException d -> envelope.error(ctx, 409, "datastore_conflict",
          KazooException.message("conflicting documents"));
      case HttpResponseException h -> envelope.error(ctx, h.getStatus(), h.getMessage(),
          KazooException.message(h.getMessage()));
      default -> {
        LOG.error("unhandled error on {} {}", ctx.method().name(), ctx.path(), e);
        envelope.error(ctx, 500, "internal_error", KazooException.message("internal error"));
      }
    }
  }

  /** Kazoo's validation data: flat dotted keys, each with its broken rules. */
  ObjectNode violations(List<Violation> violations) {
    ObjectNode data = F.objectNode();
    for (Violation v : violations) {
      ObjectNode field = data.get(v.field()) instanceof ObjectNode o ? o : data.putObject(v.field());
      field.set(v.rule(), json.valueToTree(v.detail()));
    }
    return data;
  }

  void renderStatus(int status, Context ctx) {
    if (status == 405) {
      envelope.error(ctx, 405, "invalid_method", KazooException.message("method not allowed"));
    } else {
      envelope.error(ctx, 404, "not_found", KazooException.message("not found"));
    }
  }
}
