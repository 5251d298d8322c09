package dev.switchboard.sip;

import dev.switchboard.auth.LoginLimiter;
import dev.switchboard.config.Config;
import dev.switchboard.core.message.SipUac;
import dev.switchboard.core.registration.RegistrationService;
import dev.switchboard.core.registration.SipCredentials;
import dev.switchboard.core.account.Algorithm;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in SIP layer (sip.mode: embedded): the listeners with the registrar and OPTIONS
 * behind them, and the UAC. Built with the services; binds nothing and reads nothing until
 * {@link #start}, so CLI commands that build the services open no port.
 */
public final class SipStack implements AutoCloseable {
  private final Config.Sip config;
  private final SipCredentials credentials;
  private final RegistrationService registrations;
  private final Clock clock;
  private final SipServer server;
  private final BuiltinUac uac;

  public SipStack(Config.Sip config, SipCredentials credentials, RegistrationService registrations, Clock clock) {
    this.config = config;
    this.credentials = credentials;
    this.registrations = registrations;
    this.clock = clock;
    // Idle TCP connections of registered phones live as long as their longest binding can.
    this.server = new SipServer(config.host(), config.port(), config.advertisedHost(), config.maxExpires() + 64);
    this.uac = new BuiltinUac(registrations, server, proxy(config.outboundProxy()), ClientTransaction.Timers.RFC3261);
  }

  private static SipUri proxy(String uri) {
    if (uri == null || uri.isBlank()) {
      return null;
    }
    try {
      return SipUri.parse(uri);
    } catch (SipParseException e) {
      throw new IllegalArgumentException("sip.outbound_proxy: " + e.getMessage(), e);
    }
  }

  public SipStack start() {
    Nonces nonces = new Nonces(credentials.nonceKey(), config.nonceTtlSeconds(), clock::millis);
    LoginLimiter limiter = new LoginLimiter(config.maxFailures(), config.failureWindowSeconds(), config.blockSeconds(),
        clock);
    server.handle("OPTIONS", new OptionsHandler());
    List<Algorithm> offered = Arrays.stream(config.challengeAlgorithms().split(","))
        .map(a -> Algorithm.fromWire(a.trim()).orElseThrow()).distinct().toList();
    server.handle("REGISTER", new Registrar(credentials, registrations, nonces, limiter, clock, offered,
        d -> d.equalsIgnoreCase(config.domain()) || credentials.servesDomain(d)));
    server.start();
    return this;
  }

  /** Sends MESSAGE/NOTIFY once {@link #start} ran; before, it refuses (SipUnavailableException). */
  public SipUac uac() {
    return uac;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
