package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.auth.DigestHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message of src/test/resources/sip/ (RFC 4475 and everyday REGISTERs) with the verdict of
 * bench/sip-parser/cases.tsv: a valid one parses with the values the registrar reads, an invalid one
 * is refused with SipParseException or by the §8.2 checks, never with another exception.
 */
class TortureMessagesTest {
  private static final Path CASES = Path.of("bench/sip-parser/cases.tsv");
  private static final Path[] DIRS = {Path.of("src/test/resources/sip/rfc4475"), Path.of("src/test/resources/sip/registrar")};

  /** What the registrar reads, keyed as in cases.tsv; null when the message is refused. */
  static Map<String, String> read(byte[] data) {
    Map<String, String> v = new LinkedHashMap<>();
    try {
      SipMessage m = SipParser.parseDatagram(data, data.length);
      List<String> vias = m.values("Via");
      if (vias.isEmpty()) {
        return null;
      }
      Via via = Via.parse(vias.getFirst());
      v.put("via.transport", via.transport());
      v.put("via.sentby", hostPort(via.host(), via.port()));
      v.put("via.branch", orDash(via.branch()));
      String rport = via.params().get("rport");
      v.put("via.rport", rport == null ? "absent" : rport.isEmpty() ? "flag" : rport);
      v.put("callid", orDash(m.header("Call-ID")));
      v.put("cseq", m.cseqNumber() < 0 ? "-" : Long.toString(m.cseqNumber()));
      String cseq = m.header("CSeq");
      String[] cs = cseq == null ? new String[0] : cseq.trim().split("\\s+");
      v.put("cseq.method", cs.length == 2 ? cs[1] : "-");
      String cl = m.header("Content-Length");
      v.put("clen", cl == null ? "-" : cl.trim());
      v.put("body", Integer.toString(m.body().length));
      if (!m.isRequest()) {
        v.put("start", "RESP " + m.status());
        return v;
      }
      v.put("start", "REQ " + m.method());
      if (RequestChecks.problem(m) != null) {
        return null;
      }
      v.put("ruri", uriKey(SipUri.parse(m.uri())));
      Address from = Address.parse(m.header("From"));
      Address to = Address.parse(m.header("To"));
      v.put("from", uriKey(from.uri()));
      v.put("from.tag", orDash(from.tag()));
      v.put("to", uriKey(to.uri()));
      v.put("to.tag", orDash(to.tag()));
      List<String> contacts = new ArrayList<>();
      for (String c : m.values("Contact")) {
        Address a = Address.parse(c);
        String instance = Params.unquote(a.params().get("+sip.instance"));
        contacts.add(a.star() ? "*" : a.uri().text().trim() + "|e=" + orDash(a.params().get("expires"))
            + "|q=" + orDash(a.params().get("q")) + "|i=" + orDash(instance == null || instance.isEmpty() ? null : instance));
      }
      v.put("contacts", String.join(" , ", contacts));
      v.put("expires", orDash(m.header("Expires")));
      if (m.method().equals("REGISTER")) {
        Contacts.parse(m);
      }
      String auth = "-";
      for (SipMessage.Header h : m.headers()) {
        if (h.name().equalsIgnoreCase("Authorization")) {
          Optional<Map<String, String>> p = DigestHeader.parse(h.value());
          auth = p.map(TortureMessagesTest::authKey).orElse("-");
          break;
        }
      }
      v.put("auth", auth);
      return v;
    } catch (SipParseException e) {
      return null;
    }
  }

  @TestFactory
  Stream<DynamicTest> every_message_gets_its_verdict() throws Exception {
    List<String> lines = Files.readAllLines(CASES).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(47);
    return lines.stream().map(line -> {
      String[] f = line.split("\t");
      String name = f[0];
      String expect = f[2];
      return DynamicTest.dynamicTest(name + " (" + f[1] + ", " + expect + ")", () -> {
        Path file = null;
        for (Path dir : DIRS) {
          if (Files.exists(dir.resolve(name + ".sip"))) {
            file = dir.resolve(name + ".sip");
          }
        }
        assertThat(file).as("message file of " + name).isNotNull();
        Map<String, String> got = read(load(file));
        if (expect.equals("invalid")) {
          assertThat(got).as(name + " must be refused").isNull();
          return;
        }
        if (got == null) {
          if (expect.equals("valid")) {
            fail(name + " is valid but was refused");
          }
          return;
        }
        for (int i = 3; i < f.length; i++) {
          int eq = f[i].indexOf('=');
          String key = f[i].substring(0, eq);
          assertThat(got.get(key)).as(name + " " + key).isEqualTo(f[i].substring(eq + 1));
        }
      });
    });
  }

  @Test
  void users_are_compared_with_their_escapes_decoded() throws Exception {
    SipUri to = Address.parse("sip:%75se%72@example.com").uri();
    assertThat(to.user()).isEqualTo("user");
    assertThat(to.rawUser()).isEqualTo("%75se%72");
    assertThat(SipUri.parse("sip:I%20have%20spaces@example.net").user()).isEqualTo("I have spaces");
    assertThat(SipUri.parse("sip:sips%3Auser%40example.com@example.net").user()).isEqualTo("sips:user@example.com");
    // A NUL or a '%' stays escaped (upper-case hex), so no store sees a NUL and %2500 is not %00.
    assertThat(SipUri.parse("sip:null-%00-null@example.com").user()).isEqualTo("null-%00-null");
    assertThat(SipUri.parse("sip:a%2500@example.com").user()).isEqualTo("a%2500");
    assertThat(SipUri.parse("sip:%c3%a9@example.com").user()).isEqualTo("%C3%A9");
    assertThat(SipUri.parse("sip:user@example.com").user()).isEqualTo("user");
    for (String bad : new String[] {"sip:%zz@example.com", "sip:a%2@example.com", "sip:a%@example.com", "sip:a%\u0661\u0662@h"}) {
      assertThatThrownBy(() -> SipUri.parse(bad)).as(bad).isInstanceOf(SipParseException.class);
    }
  }

  @Test
  void the_registrar_reads_the_decoded_to_user_of_esc01() throws Exception {
    byte[] data = load(DIRS[0].resolve("esc01.sip"));
    SipMessage m = SipParser.parseDatagram(data, data.length);
    assertThat(Address.parse(m.header("To")).uri().user()).isEqualTo("user");
  }

  @Test
  void responses_get_the_cseq_and_repeated_header_checks_too() {
    for (String head : new String[] {
        "CSeq: 2147483648 OPTIONS\r\n", "CSeq: -1 OPTIONS\r\n", "CSeq: 1\r\n", "CSeq: 1 OPTIONS\r\nCSeq: 1 OPTIONS\r\n",
        "CSeq: 1 OPTIONS\r\nMax-Forwards: 256\r\n", "CSeq: 1 OPTIONS\r\nl: 0\r\nContent-Length: 0\r\n"}) {
      String text = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n" + head + "\r\n";
      assertThatThrownBy(() -> SipParserTest.parse(text)).as(head).isInstanceOf(SipParseException.class);
    }
  }

  @Test
  void lws_in_via_and_empty_parameters() throws Exception {
    Via via = Via.parse("SIP / 2.0 / TCP  host.example.com : 5070 ; branch = z9hG4bK1 ;rport");
    assertThat(via.transport()).isEqualTo("TCP");
    assertThat(via.host()).isEqualTo("host.example.com");
    assertThat(via.port()).isEqualTo(5070);
    assertThat(via.branch()).isEqualTo("z9hG4bK1");
    assertThat(via.params()).containsEntry("rport", "");
    for (String bad : new String[] {"SIP/2.0/UDP h;;branch=z9hG4bK1", "SIP/2.0/UDP h;branch=", "SIP/2.0/UDP h;", "SIP/2.0/UDP h 5060",
        "SIP/2.1/UDP h", "SIP/2.0/ h", "SIP/2.0/UDP user@h"}) {
      assertThatThrownBy(() -> Via.parse(bad)).as(bad).isInstanceOf(SipParseException.class);
    }
    for (String bad : new String[] {"<sip:a@h>;;", "<sip:a@h>;=x", "sip:a@h?Route=x", "<sip:a@h;;x>"}) {
      assertThatThrownBy(() -> Address.parse(bad)).as(bad).isInstanceOf(SipParseException.class);
    }
    assertThat(Address.parse("<sip:a@h?Route=x>").uri().host()).isEqualTo("h");
  }

  /** The file as RFC 4475 §3 writes it: LF for CRLF, {@code <hex>..</hex>} for raw bytes (as bench/sip-parser loads it). */
  static byte[] load(Path p) throws Exception {
    String s = Files.readString(p, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      if (s.startsWith("<hex>", i)) {
        int end = s.indexOf("</hex>", i);
        out.writeBytes(HexFormat.of().parseHex(s.substring(i + 5, end)));
        i = end + 6;
      } else if (s.charAt(i) == '\n') {
        out.writeBytes(new byte[] {'\r', '\n'});
        i++;
      } else {
        int cp = s.codePointAt(i);
        out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return out.toByteArray();
  }

  private static String uriKey(SipUri u) {
    // As written: cases.tsv holds the users undecoded; the decoding has its own test above.
    return (u.rawUser() == null ? "" : u.rawUser() + "@") + hostPort(u.host(), u.port());
  }

  private static String hostPort(String host, int port) {
    return host + (port > 0 ? ":" + port : "");
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  private static String authKey(Map<String, String> p) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(p).forEach((k, val) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(val));
    return sb.toString();
  }
}
