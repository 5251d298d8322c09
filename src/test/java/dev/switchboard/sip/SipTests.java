package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ServerProcess;
import dev.switchboard.support.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in SIP listener, black-box over UDP and TCP: OPTIONS and what malformed input gets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SipTests {
  static final String DOMAIN = "sip.example.org";

  TestDatabase db;
  ServerProcess server;

  abstract TestDatabase database();

  @BeforeAll
  void start() {
    db = database();
    server = ServerProcess.start(db, Map.of());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String options(TestUa ua, String callId) {
    return "OPTIONS sip:" + DOMAIN + " SIP/2.0\r\n"
        + "Via: SIP/2.0/" + ua.transport() + " 127.0.0.1:" + ua.localPort() + ";rport;branch=z9hG4bK" + callId + "\r\n"
        + "From: <sip:probe@" + DOMAIN + ">;tag=1\r\nTo: <sip:" + DOMAIN + ">\r\nCall-ID: " + callId + "\r\n"
        + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void options_gets_200_with_received_and_rport_stamped(String transport) throws Exception {
    try (TestUa ua = TestUa.of(transport, server.sipPort())) {
      ua.sendRaw(options(ua, UUID.randomUUID().toString()));
      SipMessage r = ua.nextResponse();
      assertThat(r).isNotNull();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Via")).contains("received=127.0.0.1").contains("rport=" + ua.localPort());
      assertThat(r.header("To")).contains(";tag=");
      assertThat(r.header("Allow")).contains("REGISTER").contains("OPTIONS");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void a_request_missing_call_id_gets_400_and_the_server_keeps_answering(String transport) throws Exception {
    try (TestUa ua = TestUa.of(transport, server.sipPort())) {
      String id = UUID.randomUUID().toString();
      ua.sendRaw(options(ua, id).replace("Call-ID: " + id + "\r\n", ""));
      SipMessage r = ua.nextResponse();
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.reason()).isEqualTo("Missing Call-ID");
      ua.sendRaw(options(ua, UUID.randomUUID().toString()));
      assertThat(ua.nextResponse().status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void a_retransmitted_request_gets_the_same_response_again(String transport) throws Exception {
    try (TestUa ua = TestUa.of(transport, server.sipPort())) {
      String request = options(ua, UUID.randomUUID().toString());
      ua.sendRaw(request);
      SipMessage first = ua.nextResponse();
      ua.sendRaw(request);
      SipMessage again = ua.nextResponse();
      assertThat(again.status()).isEqualTo(200);
      if (transport.equals("UDP")) {
        // Completed state (Timer J): the stored response, byte for byte, so the same To tag.
        assertThat(again.header("To")).isEqualTo(first.header("To"));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void garbage_datagrams_are_dropped_and_the_server_keeps_answering() throws Exception {
    try (TestUa ua = TestUa.udp(server.sipPort())) {
      ua.sendRaw(new byte[] {0, 1, 2, 3, 4, 5, (byte) 0xff});
      ua.sendRaw("REGISTER sip:x SIP/2.0\r\nVia: nonsense\r\n\r\n");
      ua.sendRaw("INVITE sip:x SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\nContent-Length: 999\r\n\r\n");
      ua.sendRaw("\r\n\r\n");
      ua.sendRaw("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKnobody\r\n\r\n");
      SipMessage bad = ua.nextResponse(1000);
      // The only answerable one is the INVITE with a body shorter than its Content-Length.
      assertThat(bad).isNotNull();
      assertThat(bad.status()).isEqualTo(400);
      ua.sendRaw(options(ua, UUID.randomUUID().toString()));
      assertThat(ua.nextResponse().status()).isEqualTo(200);
    }
  }

  @org.junit.jupiter.api.Test
  void a_tcp_connection_sending_garbage_is_closed_and_others_still_work() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.sipPort())) {
      s.getOutputStream().write(("X".repeat(40_000) + "\r\n\r\n").getBytes());
      s.setSoTimeout(5000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    try (TestUa ua = TestUa.tcp(server.sipPort())) {
      ua.sendRaw(options(ua, UUID.randomUUID().toString()));
      assertThat(ua.nextResponse().status()).isEqualTo(200);
    }
  }

  static java.util.stream.Stream<String> overLimits() {
    String head = "OPTIONS sip:" + DOMAIN + " SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bKlimit\r\n"
        + "From: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: limit\r\nCSeq: 1 OPTIONS\r\n";
    return java.util.stream.Stream.of(
        head + "X-Pad: " + "p".repeat(StreamFramer.MAX_HEAD) + "\r\nContent-Length: 0\r\n\r\n",
        head + "Content-Length: " + (StreamFramer.MAX_BODY + 1) + "\r\n\r\n" + "b".repeat(StreamFramer.MAX_BODY + 1),
        "\u0001\u0002 not SIP at all\r\nfoo\r\n\r\n");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("overLimits")
  void a_tcp_connection_over_the_framing_limits_is_closed_while_another_open_one_keeps_being_served(String bad)
      throws Exception {
    try (TestUa other = TestUa.tcp(server.sipPort());
        java.net.Socket s = new java.net.Socket("127.0.0.1", server.sipPort())) {
      s.setSoTimeout(5000);
      try {
        s.getOutputStream().write(bad.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      } catch (java.io.IOException e) {
        // closed while we were still writing: what is expected
      }
      java.io.InputStream in = s.getInputStream();
      // No answer but at most a 400, then the end of the stream.
      byte[] rest;
      try {
        rest = in.readAllBytes();
      } catch (java.net.SocketException e) {
        rest = new byte[0]; // reset: closed with our bytes unread, closed all the same
      }
      assertThat(new String(rest, java.nio.charset.StandardCharsets.ISO_8859_1)).satisfiesAnyOf(
          r -> assertThat(r).isEmpty(), r -> assertThat(r).startsWith("SIP/2.0 400"));
      other.sendRaw(options(other, UUID.randomUUID().toString()));
      assertThat(other.nextResponse().status()).isEqualTo(200);
    }
  }
}
