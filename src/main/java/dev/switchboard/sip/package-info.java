/**
 * The built-in SIP registrar and UAC: RFC 3261 over UDP and TCP, our own parser and non-INVITE
 * transaction layer (§17.1.2, §17.2.2), digest of RFC 7616/8760 against the stored HA1s, bindings
 * in the Kamailio-layout {@code location} table through core services.
 *
 * <h2>Concurrency</h2>
 * <ul>
 *   <li>UDP: one platform thread ({@code sip-udp}) receives datagrams and forks each one onto a
 *       virtual thread; at most {@link dev.switchboard.sip.SipServer#MAX_IN_FLIGHT} are handled at
 *       once, more are dropped, which UDP clients survive by retransmitting (Timer E).</li>
 *   <li>TCP: a virtual thread accepts, one virtual thread per connection reads and frames, and
 *       handles each complete message itself before reading the next, within the same in-flight
 *       bound: the requests of one connection are answered in their order (pipelined REGISTERs keep
 *       their CSeq order), a flooding connection is read no faster than it is served, and other
 *       connections are not held. Writes to a connection are serialized on it; an idle connection
 *       closes after max_expires + 64 s.</li>
 *   <li>Handlers block (database, HMAC) on their virtual thread; they hold no lock while doing so.
 *       The server transaction table and the UAC's pending transactions are concurrent maps; an
 *       entry is touched by the thread handling its request and the {@code sip-timers} sweeper.</li>
 *   <li>The UAC sends each request from the calling thread's own virtual thread and waits on a
 *       per-transaction queue that the dispatcher feeds with responses; retransmissions and Timer F
 *       run in that waiting loop, so nothing is left behind when it returns.</li>
 *   <li>Nothing in this package is static mutable state; {@link dev.switchboard.sip.SipStack#close}
 *       stops the listeners, then waits up to 5 s for the handlers in flight.</li>
 * </ul>
 */
package dev.switchboard.sip;
