package dev.switchboard.core.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.store.Daos;
import java.time.Clock;
import java.util.Map;

/**
 * Records a mail or an SMS to send, in the caller's transaction: the delivery exists exactly when
 * the change that caused it is committed. The notify worker renders the named template with the
 * model and sends it, retrying with backoff.
 */
public final class Outbox {
  /** How a delivery travels. */
  public enum Channel { MAIL, SMS }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private volatile Runnable onEnqueued = () -> {};

  public Outbox(Clock clock) {
    this.clock = clock;
  }

  /** Called after each enqueue (the worker wakes up rather than waiting for its next poll). */
  public void onEnqueued(Runnable listener) {
    this.onEnqueued = listener;
  }

  public void enqueue(Daos daos, Channel channel, String recipient, String template, Map<String, String> model) {
    try {
      daos.outbox().insert(channel.name().toLowerCase(java.util.Locale.ROOT), recipient, template,
          JSON.writeValueAsString(model), clock.instant());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unserializable model", e);
    }
    daos.afterCommit(onEnqueued);
  }
}
