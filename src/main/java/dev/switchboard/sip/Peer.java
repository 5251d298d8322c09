package dev.switchboard.sip;

import java.net.InetSocketAddress;

/**
 * Where a message came from and how to answer it.
 *
 * @param transport "UDP" or "TCP"
 * @param remote the source address and port as seen on the socket (behind NAT: the NAT's)
 * @param connection the TCP connection it came on, null for UDP
 * @param localSocket the listening socket in Kamailio's notation, e.g. udp:192.0.2.1:5060
 */
public record Peer(String transport, InetSocketAddress remote, TcpConnection connection, String localSocket) {
  public boolean reliable() {
    return connection != null;
  }

  /** Kamailio's connection_id: the TCP connection's number, -1 for UDP. */
  public int connectionId() {
    return connection == null ? -1 : connection.id();
  }

  public String remoteIp() {
    return remote.getAddress().getHostAddress();
  }
}
