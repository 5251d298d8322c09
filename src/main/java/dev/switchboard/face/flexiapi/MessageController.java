package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.Validation;
import dev.switchboard.core.account.SipAddress;
import dev.switchboard.core.message.MessageService;
import dev.switchboard.core.message.SipUnavailableException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * POST /api/messages: a SIP MESSAGE to every registered contact of {@code to}. FlexiAPI answers
 * {"id": ...}; this adds what each contact answered. 422 when nobody is registered there, 503
 * when this server runs no SIP layer.
 */
final class MessageController {
  private final MessageService messages;

  MessageController(MessageService messages) {
    this.messages = messages;
  }

  record DeliveryJson(String contact, int status, String reason, boolean delivered) {}

  record SentJson(String id, @JsonProperty("sent") List<DeliveryJson> sent) {}

  void send(Context ctx) {
    Input in = Input.of(ctx);
    String to = in.string("to");
    String body = in.string("body");
    Validation v = new Validation();
    v.check(to != null && !to.isEmpty(), "to", "The to field is required.");
    v.check(to == null || to.isEmpty() || SipAddress.parse(to).isPresent(), "to", "The to must be a SIP address.");
    v.check(body != null && !body.isEmpty(), "body", "The body field is required.");
    v.throwIfAny();
    MessageService.Sent sent;
    try {
      sent = messages.send(Paths.caller(ctx), to, body);
    } catch (SipUnavailableException e) {
      ctx.status(503).json(Map.of("message", e.getMessage()));
      return;
    }
    ctx.json(new SentJson(sent.id(), sent.deliveries().stream()
        .map(d -> new DeliveryJson(d.contact(), d.status(), d.reason(), d.delivered())).toList()));
  }
}
