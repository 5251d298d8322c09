package dev.switchboard;

import dev.switchboard.config.Config;
import dev.switchboard.face.flexiapi.FlexiApiFace;
import dev.switchboard.face.hermes.HermesFace;
import dev.switchboard.face.kazoo.KazooFace;
import dev.switchboard.face.phoned.PhonedServer;
import dev.switchboard.http.HttpServer;
import dev.switchboard.notify.OutboxWorker;
import dev.switchboard.notify.Templates;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring only: config -> services -> faces -> listeners, and the housekeeping timers. */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Services services;
  private final HttpServer http;
  private final ScheduledExecutorService housekeeping;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final OutboxWorker outbox;
  private final PhonedServer phoned;

  public Server(Config config, Clock clock) {
    this.services = new Services(config, clock);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    gcMetrics.bindTo(metrics);
    this.outbox = new OutboxWorker(services.db, clock, config, new Templates(config.templates().dir()));
    services.outbox.onEnqueued(outbox::wake);
    FlexiApiFace flexiapi = new FlexiApiFace(services);
    HermesFace hermes = new HermesFace(services);
    KazooFace kazoo = new KazooFace(services);
    this.http = new HttpServer(config.http().host(), config.http().port(), config.http().maxRequestBytes(),
        config.http().shutdownGraceSeconds(), services.json, metrics, services.db::healthy, List.of(flexiapi, hermes, kazoo));
    var p = config.phoned();
    this.phoned = p.http().enabled() || p.https().enabled() ? new PhonedServer(services) : null;
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "housekeeping");
      t.setDaemon(true);
      return t;
    });
  }

  public Server start() {
    // The services were built, and Jetty's handlers start, while the schema migrates: no listener opens
    // before it is done. HTTP opens last: once /health answers, every listener is up.
    http.start(() -> {
      services.db.ready();
      services.db.watchOtherWriters();
      if (phoned != null) {
        phoned.start();
      }
      if (services.sip != null) {
        services.sip.start();
      }
    });
    outbox.start();
    housekeeping.scheduleWithFixedDelay(this::sweep, 10, 10, TimeUnit.SECONDS);
    LOG.info("Switchboard listening on http://{}:{} ({} database)", services.config.http().host(), http.port(),
        services.db.dialect().name().toLowerCase(java.util.Locale.ROOT));
    return this;
  }

  private void sweep() {
    try {
      services.apiKeys.flush();
      services.digest.purgeExpired(services.clock.instant());
      services.hermesAuth.purge();
      services.registrations.sweep();
      services.kazooAuth.tokens().purgeRevoked();
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed: {}", e.toString());
    }
  }

  public int httpPort() {
    return http.port();
  }

  /** Stops accepting, lets requests in flight finish (up to the grace period), then closes the pool. */
  @Override
  public void close() {
    LOG.info("Switchboard stopping");
    http.stop();
    if (phoned != null) {
      phoned.stop();
    }
    if (services.sip != null) {
      services.sip.close();
    }
    outbox.close();
    housekeeping.shutdownNow();
    gcMetrics.close();
    services.close();
    LOG.info("Switchboard stopped");
  }
}
