package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.2: retransmissions absorbed while Trying, answered again while Completed, forgotten after Timer J. */
class ServerTransactionsTest {
  final AtomicLong now = new AtomicLong(1_000);
  final ServerTransactions table = new ServerTransactions(now::get, 500);

  static SipMessage request(String branch, String callId) throws SipParseException {
    String text = "REGISTER sip:example.org SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=" + branch + "\r\n"
        + "From: <sip:a@example.org>;tag=1\r\nTo: <sip:a@example.org>\r\nCall-ID: " + callId + "\r\nCSeq: 1 REGISTER\r\n\r\n";
    byte[] b = text.getBytes();
    return SipParser.parseDatagram(b, b.length);
  }

  static Object key(SipMessage m) throws SipParseException {
    return ServerTransactions.key(m, Via.parse(m.header("Via")));
  }

  @Test
  void a_retransmission_while_trying_is_absorbed_and_after_completion_gets_the_response_again() throws Exception {
    Object key = key(request("z9hG4bK1", "c1"));
    assertThat(table.begin(key)).isInstanceOf(ServerTransactions.Begin.Fresh.class);
    assertThat(table.begin(key)).isEqualTo(new ServerTransactions.Begin.Retransmission(null));
    byte[] response = "SIP/2.0 200 OK\r\n\r\n".getBytes();
    table.complete(key, response, false);
    assertThat(((ServerTransactions.Begin.Retransmission) table.begin(key)).response()).isSameAs(response);
  }

  @Test
  void timer_j_ends_the_transaction_after_64_t1_over_udp() throws Exception {
    Object key = key(request("z9hG4bK2", "c2"));
    table.begin(key);
    table.complete(key, new byte[1], false);
    now.addAndGet(31_999);
    assertThat(table.sweep()).isZero();
    now.addAndGet(1);
    assertThat(table.sweep()).isEqualTo(1);
    assertThat(table.begin(key)).isInstanceOf(ServerTransactions.Begin.Fresh.class);
  }

  @Test
  void over_tcp_the_transaction_ends_with_its_final_response() throws Exception {
    Object key = key(request("z9hG4bK3", "c3"));
    table.begin(key);
    table.complete(key, new byte[1], true);
    assertThat(table.size()).isZero();
  }

  @Test
  void different_branches_are_different_transactions_and_rfc2543_requests_are_keyed_by_their_headers() throws Exception {
    assertThat(key(request("z9hG4bKa", "c"))).isNotEqualTo(key(request("z9hG4bKb", "c")));
    assertThat(key(request("old1", "c"))).isEqualTo(key(request("old1", "c")));
    assertThat(key(request("old1", "c"))).isNotEqualTo(key(request("old1", "d")));
  }
}
