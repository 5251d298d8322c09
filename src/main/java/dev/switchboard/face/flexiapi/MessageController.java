package dev.switchboard.face.flexiapi;

import dev.switchboard.core.Validation;
import dev.switchboard.core.account.SipAddress;
import io.javalin.http.Context;
import java.util.Map;

/**
 * POST /api/messages: a SIP MESSAGE needs the SIP layer, which this server does not run yet, so a
 * valid request is answered 503 — never a fake success.
 */
final class MessageController {
  void send(Context ctx) {
    Input in = Input.of(ctx);
    String to = in.string("to");
    String body = in.string("body");
    Validation v = new Validation();
    v.check(to != null && !to.isEmpty(), "to", "The to field is required.");
    v.check(to == null || to.isEmpty() || SipAddress.parse(to).isPresent(), "to", "The to must be a SIP address.");
    v.check(body != null && !body.isEmpty(), "body", "The body field is required.");
    v.throwIfAny();
    ctx.status(503).json(Map.of("message", "SIP is not configured on this server: messages cannot be sent."));
  }
}
