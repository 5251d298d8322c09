package dev.switchboard.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IP address or an IPv4/IPv6 network in CIDR notation, matched against a peer address. */
public record Cidr(byte[] network, int prefix) {

  /** Parses `10.0.0.7`, `10.0.0.0/24`, `::1`, `2001:db8::/32`; only literal addresses, never a DNS name. */
  public static Optional<Cidr> parse(String text) {
    if (text == null || text.isBlank() || !text.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
      return Optional.empty();
    }
    String[] parts = text.trim().split("/", 2);
    try {
      byte[] address = InetAddress.getByName(parts[0]).getAddress();
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      if (prefix > address.length * 8) {
        return Optional.empty();
      }
      return Optional.of(new Cidr(address, prefix));
    } catch (UnknownHostException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public boolean contains(String address) {
    byte[] candidate;
    try {
      candidate = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[full] & mask) == (network[full] & mask);
  }
}
