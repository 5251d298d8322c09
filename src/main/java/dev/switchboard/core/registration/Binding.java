package dev.switchboard.core.registration;

import java.time.Instant;

/**
 * One live SIP binding of an address of record (a row of the Kamailio-layout `location` table).
 *
 * @param ruid unique id of the row (Kamailio's record unique id)
 * @param username user part of the AOR (an account's username or a device's sip username)
 * @param domain domain part of the AOR (the realm)
 * @param contact the Contact URI the UA registered
 * @param received where the REGISTER came from when that differs from the contact (NAT), as sip:ip:port
 * @param path the Path header, if any
 * @param expires when the binding lapses (UTC)
 * @param q the contact's q value (-1 when none was given, as Kamailio stores it)
 * @param callId Call-ID of the REGISTER that made the binding
 * @param cseq CSeq number of that REGISTER
 * @param userAgent the User-Agent header ('' when absent)
 * @param socket the local socket that received it, as proto:ip:port
 * @param instance the +sip.instance of RFC 5626, if any
 * @param regId the reg-id of RFC 5626 (0 when none)
 * @param lastModified when the binding was last written (UTC)
 */
public record Binding(
    String ruid,
    String username,
    String domain,
    String contact,
    String received,
    String path,
    Instant expires,
    float q,
    String callId,
    int cseq,
    String userAgent,
    String socket,
    String instance,
    int regId,
    Instant lastModified) {}
