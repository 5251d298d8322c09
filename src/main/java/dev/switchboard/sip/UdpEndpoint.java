package dev.switchboard.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP socket: one platform thread receives, every datagram is handed to {@code onDatagram} (which
 * must return quickly: it forks). Sends are thread-safe (DatagramSocket is).
 */
final class UdpEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);
  /** RFC 3261 §18.1.1 allows larger, but nothing a registrar receives needs more. */
  static final int MAX_DATAGRAM = 65_507;

  private final DatagramSocket socket;
  private final String localSocket;
  private final Thread receiver;
  private volatile boolean closed;

  UdpEndpoint(InetSocketAddress bind, String advertisedIp, BiConsumer<byte[], Peer> onDatagram) throws SocketException {
    this.socket = new DatagramSocket(null);
    socket.setReuseAddress(true);
    socket.setReceiveBufferSize(4 << 20);
    socket.bind(bind);
    this.localSocket = "udp:" + advertisedIp + ":" + socket.getLocalPort();
    this.receiver = Thread.ofPlatform().name("sip-udp").daemon().unstarted(() -> receive(onDatagram));
  }

  void start() {
    receiver.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String localSocket() {
    return localSocket;
  }

  private void receive(BiConsumer<byte[], Peer> onDatagram) {
    byte[] buf = new byte[MAX_DATAGRAM];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    while (!closed) {
      try {
        packet.setLength(buf.length);
        socket.receive(packet);
        byte[] data = Arrays.copyOf(buf, packet.getLength());
        Peer peer = new Peer("UDP", (InetSocketAddress) packet.getSocketAddress(), null, localSocket);
        onDatagram.accept(data, peer);
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("UDP receive failed: {}", e.toString());
        }
      } catch (RuntimeException e) {
        LOG.error("UDP datagram handling failed", e);
      }
    }
  }

  void send(InetSocketAddress to, byte[] message) {
    try {
      socket.send(new DatagramPacket(message, message.length, to));
    } catch (IOException e) {
      LOG.debug("UDP send to {} failed: {}", to, e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    socket.close();
    try {
      receiver.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
