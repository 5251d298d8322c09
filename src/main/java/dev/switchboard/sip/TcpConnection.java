package dev.switchboard.sip;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection, accepted or opened for a request. A virtual thread reads it; writes are
 * serialized on the connection so two responses never interleave. A malformed message closes it
 * after a 400 if it had a request line to answer.
 */
final class TcpConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
  private static final byte[] PONG = {'\r', '\n'};

  private final Socket socket;
  private final int id;
  private final String localSocket;
  private final InetSocketAddress remote;
  private final OutputStream out;

  TcpConnection(Socket socket, int id, String advertisedIp, int idleMillis) throws IOException {
    this.socket = socket;
    this.id = id;
    this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    this.localSocket = "tcp:" + advertisedIp + ":" + socket.getLocalPort();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(idleMillis);
    this.out = socket.getOutputStream();
  }

  int id() {
    return id;
  }

  InetSocketAddress remote() {
    return remote;
  }

  Peer peer() {
    return new Peer("TCP", remote, this, localSocket);
  }

  /** Reads until the peer closes, the connection idles out or sends garbage; then closes. */
  void readLoop(BiConsumer<SipMessage, Peer> onMessage, Runnable onClose) {
    Peer peer = peer();
    try (this) {
      StreamFramer framer = new StreamFramer(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
      while (true) {
        SipMessage m = framer.next();
        if (m == StreamFramer.PING) {
          write(PONG);
        } else {
          onMessage.accept(m, peer);
        }
      }
    } catch (EOFException | SocketTimeoutException e) {
      // peer closed or idle: normal end
    } catch (SipParseException e) {
      LOG.debug("closing TCP connection from {}: {}", remote, e.getMessage());
    } catch (IOException e) {
      LOG.debug("TCP connection from {} failed: {}", remote, e.toString());
    } catch (RuntimeException e) {
      LOG.error("TCP connection from {} failed", remote, e);
    } finally {
      onClose.run();
    }
  }

  void write(byte[] message) {
    synchronized (out) {
      try {
        out.write(message);
        out.flush();
      } catch (IOException e) {
        LOG.debug("TCP write to {} failed: {}", remote, e.toString());
        close();
      }
    }
  }

  boolean isOpen() {
    return !socket.isClosed();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
