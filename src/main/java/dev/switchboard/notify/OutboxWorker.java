package dev.switchboard.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.Config;
import dev.switchboard.store.Database;
import dev.switchboard.store.OutboxDao;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. One thread per instance polls for due rows (and wakes at once when a
 * row is added here), claims each row with a conditional update so that two instances never send
 * the same delivery, renders its template and sends it. A failure is retried with exponential
 * backoff (5 s doubling, at most 1 h) until outbox.max_attempts, then the row is marked failed.
 * A crash between send and mark can repeat a delivery, never lose one.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LOCK = Duration.ofMinutes(2);

  private final Database db;
  private final Clock clock;
  private final Templates templates;
  private final Mailer mailer;
  private final SmsGateway sms;
  private final int maxAttempts;
  private final long pollMillis;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  public OutboxWorker(Database db, Clock clock, Config config, Templates templates) {
    this.db = db;
    this.clock = clock;
    this.templates = templates;
    this.mailer = new Mailer(config.mail());
    this.sms = new SmsGateway(config.sms(), templates);
    this.maxAttempts = config.outbox().maxAttempts();
    this.pollMillis = config.outbox().pollSeconds() * 1000L;
    this.thread = Thread.ofPlatform().name("outbox").daemon().unstarted(this::loop);
  }

  public void start() {
    thread.start();
  }

  /** Something was enqueued: look now rather than at the next poll. */
  public void wake() {
    wake.release();
  }

  private void loop() {
    while (running) {
      try {
        int handled = runOnce();
        if (handled == 0) {
          wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("outbox pass failed: {}", e.toString());
        sleepQuietly();
      }
    }
  }

  /** Sends every due delivery once; returns how many rows it handled. */
  public int runOnce() {
    Instant now = clock.instant();
    List<OutboxDao.Row> due = db.read(d -> d.outbox().due(now, 50));
    int handled = 0;
    for (OutboxDao.Row row : due) {
      if (db.write(d -> d.outbox().claim(row.id(), now, now.plus(LOCK))) == 0) {
        continue;
      }
      handled++;
      deliver(row);
    }
    return handled;
  }

  private void deliver(OutboxDao.Row row) {
    int attempt = row.attempts() + 1;
    try {
      Map<String, String> model = JSON.readValue(row.model(), new TypeReference<Map<String, String>>() {});
      String text = templates.render(row.channel() + "/" + row.template() + ".peb", model);
      switch (row.channel()) {
        case "mail" -> mailer.send(row.recipient(), text);
        case "sms" -> sms.send(row.recipient(), text.strip());
        default -> throw new DeliveryException("unknown channel " + row.channel());
      }
      db.write(d -> d.outbox().sent(row.id(), clock.instant()));
      LOG.info("outbox: {} #{} ({}) sent", row.channel(), row.id(), row.template());
    } catch (DeliveryException | IOException | RuntimeException e) {
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (attempt >= maxAttempts) {
        db.write(d -> d.outbox().failed(row.id(), error));
        LOG.error("outbox: {} #{} ({}) failed for good after {} attempts: {}", row.channel(), row.id(),
            row.template(), attempt, error);
      } else {
        long backoff = Math.min(3600, 5L << Math.min(attempt - 1, 20));
        db.write(d -> d.outbox().retryLater(row.id(), error, clock.instant().plusSeconds(backoff)));
        LOG.warn("outbox: {} #{} ({}) attempt {} failed, retry in {} s: {}", row.channel(), row.id(),
            row.template(), attempt, backoff, error);
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
