package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser on what phones send, and on what they must not. */
class SipParserTest {
  static SipMessage parse(String text) throws SipParseException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return SipParser.parseDatagram(b, b.length);
  }

  @Test
  void compact_forms_folding_and_comma_lists_are_understood() throws Exception {
    SipMessage m = parse("REGISTER sip:example.org SIP/2.0\r\n"
        + "v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1;rport\r\n"
        + "f: \"Al, ice\" <sip:alice@example.org>;tag=9\r\n"
        + "t: <sip:alice@example.org>\r\ni: abc\r\nCSeq: 7 REGISTER\r\n"
        + "m: <sip:alice@10.0.0.1;transport=tcp>;expires=60, <sip:alice@10.0.0.2>;q=0.5\r\n"
        + "User-Agent: Phone\r\n  continued\r\nl: 0\r\n\r\n");
    assertThat(m.method()).isEqualTo("REGISTER");
    assertThat(m.header("Call-ID")).isEqualTo("abc");
    assertThat(m.values("Contact")).hasSize(2);
    assertThat(m.header("User-Agent")).isEqualTo("Phone continued");
    assertThat(m.cseqNumber()).isEqualTo(7);
    assertThat(Address.parse(m.header("From")).display()).isEqualTo("Al, ice");
    Address c = Address.parse(m.values("Contact").getFirst());
    assertThat(c.uri().transport()).isEqualTo("TCP");
    assertThat(c.params()).containsEntry("expires", "60");
    Via via = Via.parse(m.header("Via"));
    assertThat(via.host()).isEqualTo("10.0.0.1");
    assertThat(via.port()).isEqualTo(5060);
    assertThat(via.params()).containsKey("rport");
  }

  @Test
  void a_body_is_cut_to_content_length_and_a_short_one_is_an_error() throws Exception {
    String head = "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nContent-Length: 5\r\n\r\n";
    assertThat(new String(parse(head + "hello world").body())).isEqualTo("hello");
    assertThatThrownBy(() -> parse(head + "hi")).isInstanceOf(SipParseException.class);
  }

  @Test
  void malformed_start_lines_and_headers_are_errors() {
    for (String bad : List.of("", "\r\n\r\n", "HELLO\r\n\r\n", "REGISTER sip:x SIP/3.0\r\n\r\n",
        "REGISTER  sip:x SIP/2.0\r\n\r\n", "SIP/2.0 99 Low\r\n\r\n", "SIP/2.0 abc OK\r\n\r\n",
        "OPTIONS sip:x SIP/2.0\r\nNoColon\r\n\r\n", "OPTIONS sip:x SIP/2.0\r\n continuation\r\n\r\n",
        "OPTIONS sip:x SIP/2.0\r\nContent-Length: -1\r\n\r\n", "OPTIONS sip:x SIP/2.0\r\nContent-Length: x\r\n\r\n")) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(SipParseException.class);
    }
  }

  @Test
  void uris_and_addresses_reject_what_is_not_sip() {
    assertThatThrownBy(() -> SipUri.parse("tel:+331")).isInstanceOf(SipParseException.class);
    assertThatThrownBy(() -> SipUri.parse("sip:a@host:99999")).isInstanceOf(SipParseException.class);
    assertThatThrownBy(() -> Address.parse("<sip:a@b")).isInstanceOf(SipParseException.class);
    assertThatThrownBy(() -> Via.parse("SIP/2.0 host")).isInstanceOf(SipParseException.class);
  }

  @Test
  void random_bytes_never_throw_anything_but_a_parse_error() {
    Random random = new Random(42);
    String seed = "REGISTER sip:example.org SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK1\r\n"
        + "To: <sip:a@example.org>\r\nContent-Length: 0\r\n\r\n";
    for (int i = 0; i < 20_000; i++) {
      byte[] b = seed.getBytes(StandardCharsets.UTF_8);
      for (int k = 0; k < 1 + random.nextInt(6); k++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      try {
        SipMessage m = SipParser.parseDatagram(b, b.length);
        RequestChecks.problem(m);
        for (String v : m.values("Via")) {
          try {
            Via.parse(v);
          } catch (SipParseException expected) {
            // fine
          }
        }
      } catch (SipParseException expected) {
        // fine
      }
    }
  }

  @Test
  void the_stream_framer_cuts_messages_answers_keepalives_and_bounds_sizes() throws Exception {
    String one = "OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nContent-Length: 3\r\n\r\nabc";
    StreamFramer f = new StreamFramer(new ByteArrayInputStream(("\r\n\r\n" + one + one).getBytes()));
    assertThat(f.next()).isSameAs(StreamFramer.PING);
    assertThat(new String(f.next().body())).isEqualTo("abc");
    assertThat(new String(f.next().body())).isEqualTo("abc");
    assertThatThrownBy(f::next).isInstanceOf(java.io.EOFException.class);
    StreamFramer huge = new StreamFramer(new ByteArrayInputStream(("OPTIONS sip:x SIP/2.0\r\nX: "
        + "y".repeat(40_000) + "\r\n\r\n").getBytes()));
    assertThatThrownBy(huge::next).isInstanceOf(SipParseException.class);
  }
}
