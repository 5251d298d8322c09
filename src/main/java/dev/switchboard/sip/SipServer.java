package dev.switchboard.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP listeners (UDP and TCP on one port) and the dispatch of what arrives: responses to the
 * UAC, requests through the server transactions to the handler of their method. See package-info
 * for the threads.
 */
public final class SipServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
  /**
   * Requests being handled at once; beyond, datagrams are dropped (the client retransmits) and TCP
   * readers wait.
   */
  static final int MAX_IN_FLIGHT = 2048;

  private final InetSocketAddress bind;
  private final String advertisedHost;
  private final int tcpIdleMillis;
  private final Map<String, Handler> handlers = new java.util.concurrent.ConcurrentSkipListMap<>();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ServerTransactions transactions = new ServerTransactions(System::currentTimeMillis, 500);
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("sip-timers").daemon().unstarted(r));
  private volatile Consumer<SipMessage> responses = r -> {};
  private UdpEndpoint udp;
  private TcpEndpoint tcp;
  private volatile boolean closed;

  public SipServer(String host, int port, String advertisedHost, int tcpIdleSeconds) {
    this.bind = new InetSocketAddress(host, port);
    this.advertisedHost = advertised(host, advertisedHost);
    this.tcpIdleMillis = tcpIdleSeconds * 1000;
  }

  /** Sets the handler of a method; call before {@link #start}. */
  void handle(String method, Handler handler) {
    handlers.put(method, handler);
  }

  boolean running() {
    return udp != null && !closed;
  }

  private static String advertised(String host, String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  /** Binds UDP and TCP on the same port (port 0: a free one, the same for both). */
  public SipServer start() {
    try {
      udp = new UdpEndpoint(bind, advertisedHost, this::onDatagram);
      InetSocketAddress tcpBind = new InetSocketAddress(bind.getAddress(), udp.port());
      try {
        tcp = new TcpEndpoint(tcpBind, advertisedHost, tcpIdleMillis, this::onMessage);
      } catch (IOException e) {
        udp.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for SIP on " + bind, e);
    }
    udp.start();
    tcp.start();
    timers.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    LOG.info("SIP listening on udp and tcp {}:{} (advertised as {})", bind.getHostString(), udp.port(), advertisedHost);
    return this;
  }

  public int port() {
    return udp.port();
  }

  String advertisedHost() {
    return advertisedHost;
  }

  /** The UAC's hook: every response that arrives goes here. */
  void onResponses(Consumer<SipMessage> consumer) {
    this.responses = consumer;
  }

  private void sweep() {
    try {
      transactions.sweep();
    } catch (RuntimeException e) {
      LOG.warn("SIP transaction sweep failed: {}", e.toString());
    }
  }

  private void onDatagram(byte[] data, Peer peer) {
    if (data.length <= 4 && new String(data, java.nio.charset.StandardCharsets.US_ASCII).isBlank()) {
      return; // CRLF keep-alive (RFC 5626 §3.5.1 over UDP): nothing to answer
    }
    if (!inFlight.tryAcquire()) {
      return;
    }
    workers.execute(() -> {
      try {
        SipMessage m;
        try {
          m = SipParser.parseDatagram(data, data.length);
        } catch (SipParseException e) {
          answerUnparsable(data, peer, e.getMessage());
          return;
        }
        dispatch(m, peer);
      } finally {
        inFlight.release();
      }
    });
  }

  /**
   * Called on a TCP connection's reader, and handled right there: the messages of one connection
   * are answered one after the other in the order they came (two pipelined REGISTERs, CSeq n then
   * n+1, must not race each other into 400 Invalid CSeq), while every other connection has its own
   * reader. Waiting for a slot, or for the handler, holds only that connection back (TCP backpressure).
   */
  private void onMessage(SipMessage m, Peer peer) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      dispatch(m, peer);
    } finally {
      inFlight.release();
    }
  }

  private void dispatch(SipMessage m, Peer peer) {
    try {
      if (!m.isRequest()) {
        responses.accept(m);
        return;
      }
      Via via;
      try {
        via = Via.parse(firstVia(m));
      } catch (SipParseException | NullPointerException e) {
        return; // no Via to answer along: drop
      }
      Inbound in = new Inbound(m, via, peer);
      String problem = RequestChecks.problem(m);
      if (problem != null) {
        if (!m.method().equals("ACK")) {
          send(peer, Responses.to(in, 400, problem).build().encode());
        }
        return;
      }
      if (m.method().equals("ACK")) {
        return; // ACK of a non-2xx final to an INVITE we refused: absorbed (§17.2.1)
      }
      Object key = ServerTransactions.key(m, via);
      switch (transactions.begin(key)) {
        case ServerTransactions.Begin.Retransmission r -> {
          if (r.response() != null) {
            send(peer, r.response());
          }
        }
        case ServerTransactions.Begin.Fresh f -> {
          byte[] response = answer(in).encode();
          transactions.complete(f.key(), response, peer.reliable());
          send(peer, response);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("SIP {} from {} failed", m, peer.remote(), e);
    }
  }

  private SipMessage answer(Inbound in) {
    Handler h = handlers.get(in.request().method().toUpperCase(Locale.ROOT));
    if (h == null) {
      return Responses.to(in, 405, "Method Not Allowed").header("Allow", String.join(", ", handlers.keySet())).build();
    }
    try {
      return h.handle(in);
    } catch (RuntimeException e) {
      LOG.error("SIP {} from {} failed", in.request(), in.peer().remote(), e);
      return Responses.to(in, 500, "Server Internal Error").build();
    }
  }

  private static String firstVia(SipMessage m) {
    return m.values("Via").getFirst();
  }

  /** A datagram that is not SIP: 400 when its head parses far enough to have a Via, else dropped. */
  private void answerUnparsable(byte[] data, Peer peer, String reason) {
    int end = SipParser.headEnd(data, 0, data.length);
    if (end < 0) {
      return;
    }
    try {
      SipMessage head = SipParser.parseHead(new String(data, 0, end, java.nio.charset.StandardCharsets.UTF_8));
      if (head.isRequest() && !head.method().equals("ACK") && head.header("Via") != null) {
        Inbound in = new Inbound(head, Via.parse(firstVia(head)), peer);
        send(peer, Responses.to(in, 400, reason).build().encode());
      }
    } catch (SipParseException | RuntimeException e) {
      // nothing to answer along
    }
  }

  void send(Peer peer, byte[] message) {
    if (peer.connection() != null) {
      peer.connection().write(message);
    } else {
      udp.send(peer.remote(), message);
    }
  }

  /** The peer to send a new request to: UDP, or a TCP connection (reused when one is open). */
  Peer peerFor(String transport, InetSocketAddress to) throws IOException {
    if (transport.equals("TCP")) {
      return tcp.connection(to).peer();
    }
    return new Peer("UDP", to, null, udp.localSocket());
  }

  @Override
  public void close() {
    closed = true;
    timers.shutdownNow();
    if (tcp != null) {
      tcp.close();
    }
    if (udp != null) {
      udp.close();
    }
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("SIP stopped");
  }
}
