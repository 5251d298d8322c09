package dev.switchboard.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP listener and every open connection, accepted or opened by the UAC, by remote address:
 * a request to a phone registered over TCP goes back on the connection it registered on (behind
 * NAT nothing else reaches it).
 */
final class TcpEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpEndpoint.class);
  static final int MAX_CONNECTIONS = 20_000;

  private final ServerSocket server;
  private final String advertisedIp;
  private final int idleMillis;
  private final BiConsumer<SipMessage, Peer> onMessage;
  private final Map<InetSocketAddress, TcpConnection> open = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  TcpEndpoint(InetSocketAddress bind, String advertisedIp, int idleMillis, BiConsumer<SipMessage, Peer> onMessage)
      throws IOException {
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(bind, 1024);
    this.advertisedIp = advertisedIp;
    this.idleMillis = idleMillis;
    this.onMessage = onMessage;
    this.acceptor = Thread.ofVirtual().name("sip-tcp-accept").unstarted(this::accept);
  }

  void start() {
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  String localSocket() {
    return "tcp:" + advertisedIp + ":" + server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        if (open.size() >= MAX_CONNECTIONS) {
          LOG.warn("refusing a TCP connection from {}: {} open", s.getRemoteSocketAddress(), open.size());
          s.close();
          continue;
        }
        adopt(new TcpConnection(s, ids.incrementAndGet(), advertisedIp, idleMillis));
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("TCP accept failed: {}", e.toString());
        }
      }
    }
  }

  private void adopt(TcpConnection c) {
    open.put(c.remote(), c);
    Thread.ofVirtual().name("sip-tcp-" + c.id()).start(() -> c.readLoop(onMessage, () -> open.remove(c.remote(), c)));
  }

  /** An open connection to {@code to}, else a new one (connect timeout 5 s). */
  TcpConnection connection(InetSocketAddress to) throws IOException {
    TcpConnection c = open.get(to);
    if (c != null && c.isOpen()) {
      return c;
    }
    Socket s = new Socket();
    s.connect(to, 5000);
    TcpConnection fresh = new TcpConnection(s, ids.incrementAndGet(), advertisedIp, idleMillis);
    adopt(fresh);
    return fresh;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.values().forEach(TcpConnection::close);
  }
}
