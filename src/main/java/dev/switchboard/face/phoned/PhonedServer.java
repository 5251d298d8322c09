package dev.switchboard.face.phoned;

import dev.switchboard.Services;
import dev.switchboard.auth.Cidr;
import dev.switchboard.config.Config;
import dev.switchboard.core.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone directory's own listeners (HTTP and HTTPS, as xivo-dird-phoned): a request whose TCP
 * peer is in no authorized subnet gets 403 before anything else. This is its route table.
 */
public final class PhonedServer {
  private static final Logger LOG = LoggerFactory.getLogger("phoned");

  private final Javalin app;
  private final ServerConnector[] connectors = new ServerConnector[2];

  public PhonedServer(Services s) {
    Config.Phoned config = s.config.phoned();
    List<Cidr> subnets = config.authorizedSubnets().stream().map(c -> Cidr.parse(c).orElseThrow()).toList();
    PhonedController c = new PhonedController(s.directory, new Renderer(s.config.templates().dir()),
        config.defaultProfile());
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.prefer405over404 = false;
      cfg.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
      cfg.concurrency.useVirtualThreads = true;
      cfg.jsonMapper(new io.javalin.json.JavalinJackson(s.json, true));
      if (config.http().enabled()) {
        cfg.jetty.addConnector((server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(config.http().host());
          connector.setPort(config.http().port());
          connectors[0] = connector;
          return connector;
        });
      }
      if (config.https().enabled()) {
        cfg.jetty.addConnector((server, http) -> {
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setKeyStore(TlsMaterial.keyStore(config.https().certificate(), config.https().privateKey(),
              s.config.dataPath()));
          ssl.setKeyStorePassword("");
          HttpConfiguration https = new HttpConfiguration(http);
          https.addCustomizer(new SecureRequestCustomizer(false));
          ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
              new HttpConnectionFactory(https));
          connector.setHost(config.https().host());
          connector.setPort(config.https().port());
          connectors[1] = connector;
          return connector;
        });
      }
      cfg.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} {}ms", ctx.req().getRemoteAddr(), ctx.method().name(),
          ctx.path(), ctx.statusCode(), Math.round(ms)));
      cfg.routes.before(ctx -> {
        String peer = ctx.req().getRemoteAddr();
        if (subnets.stream().noneMatch(n -> n.contains(peer))) {
          ctx.status(403).json(reason(403, "Forbidden"));
          ctx.skipRemainingHandlers();
        }
      });
      cfg.routes.get("/0.1/status", c::status);
      cfg.routes.get("/0.1/directories/menu/{profile}/{vendor}", c::menu);
      cfg.routes.get("/0.1/directories/input/{profile}/{vendor}", c::input);
      cfg.routes.get("/0.1/directories/lookup/{profile}/gigaset/{user_uuid}", c::gigaset);
      cfg.routes.get("/0.1/directories/lookup/{profile}/{vendor}", c::lookup);
      cfg.routes.get("/0.1/yealink/directories/lookup/{profile}", c::yealink);
      cfg.routes.get("/0.1/directories/menu", c::queryMenu);
      cfg.routes.get("/0.1/directories/input", c::queryInput);
      cfg.routes.get("/0.1/directories/lookup", c::queryLookup);
      cfg.routes.exception(PhonedController.InvalidData.class, (e, ctx) -> ctx.status(400).json(invalid(e)));
      cfg.routes.exception(NotFoundException.class, (e, ctx) -> notFound(ctx, e.getMessage()));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unhandled error on {}", ctx.path(), e);
        ctx.status(500).json(reason(500, "Internal Server Error"));
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
          ctx.json(reason(404, "Not Found"));
        }
      });
    });
  }

  private static void notFound(Context ctx, String message) {
    if ("unknown-user".equals(message)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("message", "Unknown user");
      body.put("error_id", "unknown-user");
      body.put("details", Map.of());
      body.put("timestamp", Instant.now().toEpochMilli() / 1000.0);
      ctx.status(404).json(body);
    } else {
      ctx.status(404).json(reason(404, "Not Found"));
    }
  }

  private static Map<String, Object> invalid(PhonedController.InvalidData e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "Sent data is invalid");
    body.put("error_id", "invalid-data");
    body.put("details", e.details);
    body.put("timestamp", Instant.now().toEpochMilli() / 1000.0);
    return body;
  }

  private static Map<String, Object> reason(int status, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", List.of(reason));
    body.put("timestamp", List.of(Instant.now().toEpochMilli() / 1000.0));
    body.put("status_code", status);
    return body;
  }

  public void start() {
    app.start();
    LOG.info("phoned listening on{}{}",
        connectors[0] == null ? "" : " http://" + connectors[0].getHost() + ":" + connectors[0].getLocalPort(),
        connectors[1] == null ? "" : " https://" + connectors[1].getHost() + ":" + connectors[1].getLocalPort());
  }

  public void stop() {
    app.stop();
  }
}
