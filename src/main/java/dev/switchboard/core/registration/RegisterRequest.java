package dev.switchboard.core.registration;

import java.util.List;

/**
 * An authenticated REGISTER for username@domain, as the registrar's rules need it (RFC 3261 §10.3).
 *
 * @param removeAll Contact: * with Expires: 0
 * @param contacts the Contacts; empty for a query of the current bindings
 * @param received where it came from when that differs from the contact (NAT), as sip:ip:port, or null
 * @param socket the local socket, proto:ip:port
 * @param connectionId the TCP connection's number, -1 for UDP
 */
public record RegisterRequest(String username, String domain, String callId, int cseq, String userAgent,
    String received, String path, String socket, int connectionId, boolean removeAll, List<ContactUpdate> contacts) {}
