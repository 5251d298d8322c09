package dev.switchboard.sip;

import dev.switchboard.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in SIP layer (sip.mode: embedded): the listeners with the registrar and OPTIONS
 * behind them. Built with the services; binds nothing until {@link #start}, so CLI commands that
 * build the services open no port.
 */
public final class SipStack implements AutoCloseable {
  private final SipServer server;

  public SipStack(Config.Sip config) {
    Map<String, Handler> handlers = new LinkedHashMap<>();
    handlers.put("OPTIONS", new OptionsHandler());
    // Idle TCP connections of registered phones live as long as their longest binding can.
    this.server = new SipServer(config.host(), config.port(), config.advertisedHost(), config.maxExpires() + 64,
        handlers);
  }

  public SipStack start() {
    server.start();
    return this;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
