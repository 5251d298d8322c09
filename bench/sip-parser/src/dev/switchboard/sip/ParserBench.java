package dev.switchboard.sip;

import dev.switchboard.auth.DigestHeader;
import io.pkts.buffer.Buffer;
import io.pkts.packet.sip.SipRequest;
import io.pkts.packet.sip.SipResponse;
import io.pkts.packet.sip.address.SipURI;
import io.pkts.packet.sip.address.URI;
import io.pkts.packet.sip.header.ContactHeader;
import io.pkts.packet.sip.header.SipHeader;
import io.pkts.packet.sip.header.ViaHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Switchboard's SIP parser against pkts-sip, on what the registrar reads (bench/sip-parser/run).
 * In package dev.switchboard.sip so that "ours" runs the registrar's own package-private code
 * (RequestChecks, Contacts) rather than a re-implementation of it.
 *
 * <p>Usage: correctness CASES_TSV MESSAGE_DIR... | limits | throughput FILE ITERATIONS
 */
public final class ParserBench {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** What the registrar reads from one message, each value as a string ("-" when absent). */
  static final class View extends TreeMap<String, String> {}

  /** A parser that builds the registrar's view, throwing when it refuses the message. */
  interface Adapter {
    String name();

    View read(byte[] message) throws Exception;

    /** Only what Registrar.handle reads on an authenticated REGISTER, without building a View: for throughput. */
    Reg hot(byte[] message) throws Exception;

    /** Exceptions that mean "refused" rather than "crashed". */
    boolean isRefusal(Throwable t);
  }

  /** Where the last read was: "at parse" inside the parse call, "on read" in the field reads after it. */
  static String phase = "";

  /** Raised by the shared registrar checks (RFC 3261 §8.2 and §10.3), for either parser. */
  static final class CheckFailed extends Exception {
    CheckFailed(String why) {
      super(why, null, false, false);
    }
  }

  /** The registrar's reads of one authenticated REGISTER. */
  record Reg(String branch, String host, int port, int rport, String callId, long cseq, String user, String realm,
      Map<String, String> auth, List<String> contacts, int expires) {}

  // ---- ours ---------------------------------------------------------------------------------

  static final class Ours implements Adapter {
    public String name() {
      return "switchboard";
    }

    public boolean isRefusal(Throwable t) {
      return t instanceof SipParseException || t instanceof CheckFailed;
    }

    public Reg hot(byte[] data) throws Exception {
      SipMessage m = SipParser.parseDatagram(data, data.length);
      Via via = Via.parse(m.values("Via").getFirst());
      if (RequestChecks.problem(m) != null) {
        throw new CheckFailed("checks");
      }
      SipUri to = Address.parse(m.header("To")).uri();
      Map<String, String> auth = null;
      for (SipMessage.Header h : m.headers()) {
        if (h.name().equalsIgnoreCase("Authorization")) {
          auth = DigestHeader.parse(h.value()).orElse(null);
          break;
        }
      }
      Contacts.Parsed contacts = Contacts.parse(m);
      List<String> uris = new ArrayList<>(contacts.updates().size());
      contacts.updates().forEach(u -> uris.add(u.contact()));
      String rport = via.params().get("rport");
      return new Reg(via.branch(), via.host(), via.port(), rport == null ? -2 : rport.isEmpty() ? -1 : Integer.parseInt(rport),
          m.header("Call-ID"), m.cseqNumber(), to.user(), to.host(), auth, uris,
          contacts.updates().isEmpty() ? -1 : contacts.updates().getFirst().expires());
    }

    public View read(byte[] data) throws Exception {
      phase = "at parse";
      SipMessage m = SipParser.parseDatagram(data, data.length);
      phase = "on read";
      View v = new View();
      List<String> vias = m.values("Via");
      if (vias.isEmpty()) {
        throw new CheckFailed("no Via");
      }
      Via via = Via.parse(vias.getFirst());
      v.put("via.transport", via.transport());
      v.put("via.sentby", hostPort(via.host(), via.port()));
      v.put("via.branch", orDash(via.branch()));
      String rport = via.params().get("rport");
      v.put("via.rport", rport == null ? "absent" : rport.isEmpty() ? "flag" : rport);
      v.put("callid", orDash(m.header("Call-ID")));
      v.put("cseq", m.cseqNumber() < 0 ? "-" : Long.toString(m.cseqNumber()));
      v.put("cseq.method", orDash(rawCseqMethod(m.header("CSeq"))));
      String cl = m.header("Content-Length");
      v.put("clen", cl == null ? "-" : cl.trim());
      v.put("body", Integer.toString(m.body().length));
      if (!m.isRequest()) {
        v.put("start", "RESP " + m.status());
        return v;
      }
      v.put("start", "REQ " + m.method());
      String problem = RequestChecks.problem(m); // the registrar's own §8.2 checks
      if (problem != null) {
        throw new CheckFailed(problem);
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
        contacts.add(a.star() ? "*" : contactKey(a.uri().text(), a.params().get("expires"), a.params().get("q"),
            Params.unquote(a.params().get("+sip.instance"))));
      }
      v.put("contacts", String.join(" , ", contacts));
      v.put("expires", orDash(m.header("Expires")));
      if (m.method().equals("REGISTER")) {
        Contacts.parse(m); // the registrar's own expires/q/reg-id/"*" rules
      }
      String auth = "-";
      for (SipMessage.Header h : m.headers()) {
        if (h.name().equalsIgnoreCase("Authorization")) {
          Optional<Map<String, String>> p = DigestHeader.parse(h.value());
          auth = p.map(ParserBench::authKey).orElse("-");
          break;
        }
      }
      v.put("auth", auth);
      return v;
    }
  }

  static String rawCseqMethod(String cseq) {
    if (cseq == null) {
      return null;
    }
    String[] parts = cseq.trim().split("\\s+");
    return parts.length == 2 ? parts[1] : null;
  }

  static String uriKey(SipUri u) {
    return (u.user() == null ? "" : u.user() + "@") + hostPort(u.host(), u.port());
  }

  // ---- pkts-sip -----------------------------------------------------------------------------

  /**
   * pkts-sip through its typed accessors, plus the glue a registrar on it would need anyway:
   * header names matched case-insensitively and in compact form (pkts's getHeader(String) and
   * getHeaders(String) are exact-name map lookups), every Contact line rather than only the
   * first, our Digest parser for Authorization (pkts has none), the same registrar checks.
   */
  static final class Pkts implements Adapter {
    public String name() {
      return "pkts-sip";
    }

    public boolean isRefusal(Throwable t) {
      return t instanceof io.pkts.packet.sip.SipException || t instanceof java.io.IOException
          || t instanceof CheckFailed;
    }

    public Reg hot(byte[] data) throws Exception {
      io.pkts.packet.sip.SipMessage m = io.pkts.packet.sip.SipMessage.frame(data);
      ViaHeader via = m.getViaHeader();
      SipRequest r = m.toRequest();
      long cseq = m.getCSeqHeader().getSeqNumber();
      String callId = str(m.getCallIDHeader().getCallId());
      if (callId.isBlank() || cseq < 0 || cseq >= (1L << 31) || !str(m.getCSeqHeader().getMethod()).equals(str(r.getMethod()))
          || m.getFromHeader() == null || m.getFromHeader().getTag() == null) {
        throw new CheckFailed("checks");
      }
      SipURI to = m.getToHeader().getAddress().getURI().toSipURI();
      List<String> uris = new ArrayList<>(2);
      StringBuilder auth = null;
      int headerExpires = -1;
      int firstExpires = -1;
      for (SipHeader h : m.getAllHeaders()) { // one pass: names compared case-insensitively, compact forms included
        if (h.isContactHeader()) {
          ContactHeader c = h.ensure().toContactHeader();
          uris.add(c.getAddress().getURI().toString());
          Buffer e = c.getParameter("expires");
          if (uris.size() == 1 && e != null) {
            firstExpires = Integer.parseInt(str(e));
          }
        } else if (str(h.getName()).equalsIgnoreCase("Expires")) {
          headerExpires = h.ensure().toExpiresHeader().getExpires();
        } else if (str(h.getName()).equalsIgnoreCase("Authorization")) {
          auth = auth == null ? new StringBuilder(str(h.getValue())) : auth.append(", ").append(str(h.getValue()));
        }
      }
      return new Reg(str(via.getBranch()), str(via.getHost()), via.getPort(), !via.hasRPort() ? -2 : via.getRPort(),
          callId, cseq, to.getUser().map(Buffer::toString).orElse(null), str(to.getHost()),
          auth == null ? null : DigestHeader.parse(auth.toString()).orElse(null), uris,
          firstExpires >= 0 ? firstExpires : headerExpires);
    }

    public View read(byte[] data) throws Exception {
      phase = "at parse";
      io.pkts.packet.sip.SipMessage m = io.pkts.packet.sip.SipMessage.frame(data);
      phase = "on read";
      View v = new View();
      ViaHeader via = m.getViaHeader();
      if (via == null) {
        throw new CheckFailed("no Via");
      }
      v.put("via.transport", str(via.getTransport()).toUpperCase(Locale.ROOT));
      v.put("via.sentby", hostPort(str(via.getHost()), via.getPort()));
      v.put("via.branch", orDash(str(via.getBranch())));
      v.put("via.rport", !via.hasRPort() ? "absent" : via.getRPort() < 0 ? "flag" : Integer.toString(via.getRPort()));
      v.put("callid", m.getCallIDHeader() == null ? "-" : str(m.getCallIDHeader().getCallId()));
      v.put("cseq", m.getCSeqHeader() == null ? "-" : Long.toString(m.getCSeqHeader().getSeqNumber()));
      v.put("cseq.method", m.getCSeqHeader() == null ? "-" : str(m.getCSeqHeader().getMethod()));
      SipHeader cl = first(m, "content-length", "l");
      v.put("clen", cl == null ? "-" : str(cl.getValue()).trim());
      v.put("body", Integer.toString(m.getContent() == null ? 0 : m.getContent().getReadableBytes()));
      if (cl != null && m.getContentLength() > m.getContent().getReadableBytes()) {
        throw new CheckFailed("body shorter than Content-Length"); // pkts cuts the body silently
      }
      if (m.isResponse()) {
        SipResponse r = m.toResponse();
        v.put("start", "RESP " + r.getStatus());
        checkNumbers(v);
        return v;
      }
      SipRequest r = m.toRequest();
      v.put("start", "REQ " + str(r.getMethod()));
      if (v.get("callid").isBlank() || v.get("callid").equals("-")) {
        throw new CheckFailed("Missing Call-ID");
      }
      checkNumbers(v);
      if (!v.get("cseq.method").equalsIgnoreCase(str(r.getMethod()))) {
        throw new CheckFailed("CSeq method does not match");
      }
      if (m.getFromHeader() == null || m.getToHeader() == null) {
        throw new CheckFailed("Missing From or To");
      }
      v.put("ruri", uriKey(r.getRequestUri()));
      v.put("from", uriKey(m.getFromHeader().getAddress().getURI()));
      v.put("from.tag", orDash(str(m.getFromHeader().getTag())));
      v.put("to", uriKey(m.getToHeader().getAddress().getURI()));
      v.put("to.tag", orDash(str(m.getToHeader().getTag())));
      List<String> contacts = new ArrayList<>();
      for (SipHeader h : m.getAllHeaders()) {
        if (h.isContactHeader()) {
          ContactHeader c = h.ensure().toContactHeader();
          URI u = c.getAddress().getURI();
          contacts.add(contactKey(u.toString(), str(c.getParameter("expires")), str(c.getParameter("q")),
              Params.unquote(str(c.getParameter("+sip.instance")))));
        }
      }
      v.put("contacts", String.join(" , ", contacts));
      SipHeader expires = first(m, "expires");
      v.put("expires", expires == null ? "-" : Integer.toString(expires.ensure().toExpiresHeader().getExpires()));
      if (str(r.getMethod()).equals("REGISTER")) {
        for (String c : contacts) {
          String e = c.split("\\|")[1].substring(2);
          if (!e.equals("-") && !e.chars().allMatch(Character::isDigit)) {
            throw new CheckFailed("Malformed expires");
          }
        }
      }
      // pkts splits Authorization at its commas, as if it were a list header: joined back here.
      StringBuilder auth = new StringBuilder();
      for (SipHeader h : m.getAllHeaders()) {
        if (str(h.getName()).equalsIgnoreCase("authorization")) {
          auth.append(auth.isEmpty() ? "" : ", ").append(str(h.getValue()));
        }
      }
      v.put("auth", auth.isEmpty() ? "-" : DigestHeader.parse(auth.toString()).map(ParserBench::authKey).orElse("-"));
      return v;
    }

    /** The first header with one of these names, compared as RFC 3261 §7.3.1 says: case-insensitively. */
    static SipHeader first(io.pkts.packet.sip.SipMessage m, String... names) {
      for (SipHeader h : m.getAllHeaders()) {
        for (String n : names) {
          if (str(h.getName()).equalsIgnoreCase(n)) {
            return h;
          }
        }
      }
      return null;
    }

    static String uriKey(URI u) {
      if (!u.isSipURI()) {
        return u.toString();
      }
      SipURI s = u.toSipURI();
      return s.getUser().map(b -> b.toString() + "@").orElse("") + hostPort(str(s.getHost()), s.getPort());
    }
  }

  /** Registrar-level number rules, for pkts (ours has them in RequestChecks and Contacts). */
  static void checkNumbers(View v) throws CheckFailed {
    String cseq = v.get("cseq");
    if (cseq.equals("-") || Long.parseLong(cseq) < 0 || Long.parseLong(cseq) >= (1L << 31)) {
      throw new CheckFailed("Malformed CSeq");
    }
    if (!v.get("clen").equals("-") && !v.get("clen").chars().allMatch(Character::isDigit)) {
      throw new CheckFailed("Malformed Content-Length");
    }
  }

  static String str(Buffer b) {
    return b == null ? null : b.toString();
  }

  static String orDash(String s) {
    return s == null ? "-" : s;
  }

  static String hostPort(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + (port > 0 ? ":" + port : "");
  }

  static String contactKey(String uri, String expires, String q, String instance) {
    return uri.trim() + "|e=" + orDash(expires) + "|q=" + orDash(q) + "|i=" + orDash(instance == null || instance.isEmpty() ? null : instance);
  }

  static String authKey(Map<String, String> p) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(p).forEach((k, val) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(val));
    return sb.toString();
  }

  /** RFC 3986 §2.1 percent-decoding, for comparing URI users (%75se%72 is user). */
  static String unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '%' && i + 2 < b.length && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
        out.write(hex(b[i + 1]) * 16 + hex(b[i + 2]));
        i += 2;
      } else {
        out.write(b[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte c) {
    return Character.digit(c, 16);
  }

  // ---- message files ------------------------------------------------------------------------

  /** A message file: LF stands for CRLF, <hex>..</hex> for other octets (RFC 4475 §2.2). */
  static byte[] load(Path p) throws Exception {
    String s = Files.readString(p, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      if (s.startsWith("<hex>", i)) {
        int end = s.indexOf("</hex>", i);
        String hex = s.substring(i + 5, end);
        for (int j = 0; j < hex.length(); j += 2) {
          out.write(Integer.parseInt(hex.substring(j, j + 2), 16));
        }
        i = end + 6;
      } else if (s.charAt(i) == '\n') {
        out.write('\r');
        out.write('\n');
        i++;
      } else {
        int cp = s.codePointAt(i);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return out.toByteArray();
  }

  // ---- 1. correctness -----------------------------------------------------------------------

  record Case(String name, String section, String expect, Map<String, String> fields) {}

  static List<Case> cases(Path tsv) throws Exception {
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      Map<String, String> f = new LinkedHashMap<>();
      for (int i = 3; i < cols.length; i++) {
        int eq = cols[i].indexOf('=');
        f.put(cols[i].substring(0, eq), cols[i].substring(eq + 1));
      }
      out.add(new Case(cols[0], cols[1], cols[2], f));
    }
    return out;
  }

  /** One parser on one message: "ok", "wrong: ...", "refused: ...", "crash: ...". */
  static String verdict(Adapter a, Case c, byte[] msg) {
    View v;
    try {
      v = a.read(msg);
    } catch (Throwable t) {
      String where = stage(t);
      String phase = t instanceof CheckFailed ? "by checks" : ParserBench.phase;
      if (a.isRefusal(t)) {
        return "refused " + phase + " (" + shorten(t.getMessage()) + ")";
      }
      return "crash " + phase + " (" + t.getClass().getSimpleName() + where + ")";
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : c.fields().entrySet()) {
      String got = v.getOrDefault(e.getKey(), "(not read)");
      boolean same = e.getKey().equals("cseq.method") ? got.equalsIgnoreCase(e.getValue())
          : unescape(got).equals(unescape(e.getValue()));
      if (!same) {
        wrong.add(e.getKey() + "=" + shorten(got) + " (want " + shorten(e.getValue()) + ")");
      }
    }
    return wrong.isEmpty() ? "ok" : "wrong: " + String.join("; ", wrong);
  }

  /** Where in the caller's reads an exception started: the first frame of the parser's own code. */
  static String stage(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("io.pkts") || (e.getClassName().startsWith("dev.switchboard")
          && !e.getClassName().endsWith("ParserBench"))) {
        String cls = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1);
        return " in " + cls + "." + e.getMethodName();
      }
    }
    return "";
  }

  static String shorten(String s) {
    if (s == null) {
      return "null";
    }
    String one = s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    return one.length() > 70 ? one.substring(0, 67) + "..." : one;
  }

  /** Whether a verdict is what the case asks for. */
  static boolean good(Case c, String verdict) {
    return switch (c.expect()) {
      case "valid" -> verdict.equals("ok");
      case "invalid" -> verdict.startsWith("refused");
      default -> verdict.equals("ok") || verdict.startsWith("refused"); // "either": RFC allows both
    };
  }

  static void correctness(String[] args) throws Exception {
    List<Case> cases = cases(Path.of(args[1]));
    Adapter[] parsers = {new Ours(), new Pkts()};
    Map<String, int[]> tally = new LinkedHashMap<>();
    System.out.println("| message | RFC 4475 / source | expected | switchboard | pkts-sip |");
    System.out.println("|---|---|---|---|---|");
    for (Case c : cases) {
      Path file = null;
      for (int i = 2; i < args.length; i++) {
        Path p = Path.of(args[i], c.name() + ".sip");
        if (Files.exists(p)) {
          file = p;
        }
      }
      byte[] msg = load(file);
      StringBuilder row = new StringBuilder("| " + c.name() + " | " + c.section() + " | " + c.expect());
      for (Adapter a : parsers) {
        String v = verdict(a, c, msg);
        boolean g = good(c, v);
        int[] t = tally.computeIfAbsent(a.name() + " " + c.expect(), k -> new int[5]);
        t[0]++;
        if (g) {
          t[1]++;
        }
        if (v.startsWith("crash")) {
          t[2]++;
        }
        if (v.startsWith("wrong")) {
          t[3]++;
        }
        if (v.startsWith("refused") && c.expect().equals("valid")) {
          t[4]++;
        }
        row.append(" | ").append(g ? "" : "**").append(v.replace("|", "\\|")).append(g ? "" : "**");
      }
      System.out.println(row.append(" |"));
    }
    System.out.println();
    System.out.println("| parser, messages | right | crash | wrong value | valid refused |");
    System.out.println("|---|---|---|---|---|");
    tally.forEach((k, t) -> System.out.printf("| %s | %d/%d | %d | %d | %d |%n", k, t[1], t[0], t[2], t[3], t[4]));
  }

  // ---- 2. limits ----------------------------------------------------------------------------

  static byte[] register(String extraHeaders, String contact) {
    String s = "REGISTER sip:sip.example.org SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKlimits;rport\r\n"
        + "From: <sip:alice@sip.example.org>;tag=1\r\nTo: <sip:alice@sip.example.org>\r\n"
        + "Call-ID: limits@192.0.2.7\r\nCSeq: 1 REGISTER\r\n"
        + "Contact: " + contact + "\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n";
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void limits() throws Exception {
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    inputs.put("one 1 MB header", register("X-Big: " + "a".repeat(1 << 20) + "\r\n", "<sip:alice@192.0.2.7>"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    inputs.put("10,000 headers", register(many.toString(), "<sip:alice@192.0.2.7>"));
    inputs.put("10,000 Contacts in one header", register("", String.join(", ",
        java.util.Collections.nCopies(10_000, "<sip:alice@192.0.2.7>;expires=60"))));
    inputs.put("10,000 Via parameters", new String(register("", "<sip:alice@192.0.2.7>"), StandardCharsets.UTF_8)
        .replace(";rport", ";rport" + ";p=1".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    inputs.put("100,000 nested < in Contact", register("", "<".repeat(100_000) + "sip:alice@192.0.2.7" + ">".repeat(100_000)));
    inputs.put("100,000 nested quotes in display name", register("", "\"\\\"".repeat(50_000) + "\" <sip:alice@192.0.2.7>"));
    Adapter[] parsers = {new Ours(), new Pkts()};
    System.out.println("| input | size | parser | outcome | time (median of 11) | allocated |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, byte[]> in : inputs.entrySet()) {
      byte[] data = in.getValue();
      Case c = new Case(in.getKey(), "", "invalid", Map.of());
      for (Adapter a : parsers) {
        String[] v = new String[1];
        measure(in.getKey(), data.length, a.name(), () -> v[0] = verdict(a, c, data), () -> v[0]);
      }
      measure(in.getKey(), data.length, "switchboard TCP framer", null, () -> {
        try {
          new StreamFramer(new ByteArrayInputStream(data)).next();
          return "accepted";
        } catch (SipParseException e) {
          return "refused (" + e.getMessage() + ")";
        } catch (Throwable e) {
          return "crash (" + e.getClass().getSimpleName() + ")";
        }
      });
      measure(in.getKey(), data.length, "pkts-sip stream builder", null, () -> {
        try {
          var sb = new io.pkts.packet.sip.impl.SipMessageStreamBuilder(
              new io.pkts.packet.sip.impl.SipMessageStreamBuilder.DefaultConfiguration());
          boolean done = false;
          for (int off = 0; off < data.length && !done; off += 1024) {
            done = sb.process(Arrays.copyOfRange(data, off, Math.min(data.length, off + 1024)));
          }
          return done ? "accepted" : "not framed (waits for more)";
        } catch (Throwable e) {
          return (e instanceof io.pkts.packet.sip.SipException ? "refused (" : "crash (") + e.getClass().getSimpleName()
              + ": " + shorten(e.getMessage()) + ")";
        }
      });
    }
  }

  /** Runs the input 5 times to warm up, then 11 times measured; prints the medians. */
  static void measure(String input, int size, String who, Runnable run, java.util.function.Supplier<String> outcome) {
    java.util.function.Supplier<String> once = run == null ? outcome : () -> {
      run.run();
      return outcome.get();
    };
    String v = "";
    for (int i = 0; i < 5; i++) {
      v = once.get();
    }
    long[] ns = new long[11];
    long[] alloc = new long[11];
    for (int i = 0; i < ns.length; i++) {
      long b0 = THREADS.getCurrentThreadAllocatedBytes();
      long t0 = System.nanoTime();
      v = once.get();
      ns[i] = System.nanoTime() - t0;
      alloc[i] = THREADS.getCurrentThreadAllocatedBytes() - b0;
    }
    Arrays.sort(ns);
    Arrays.sort(alloc);
    System.out.printf("| %s | %,d B | %s | %s | %.2f ms | %s |%n", input, size, who, v.replace("|", "\\|"), ns[5] / 1e6,
        bytes(alloc[5]));
  }

  static String bytes(long n) {
    return n > 10 << 20 ? String.format("%.1f MB", n / 1048576.0)
        : n > 10 << 10 ? String.format("%.0f KB", n / 1024.0) : n + " B";
  }

  // ---- 3. throughput ------------------------------------------------------------------------

  static volatile Object sink;

  static void throughput(String[] args) throws Exception {
    byte[] msg = load(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    Adapter[] parsers = {new Ours(), new Pkts()};
    Reg ours = parsers[0].hot(msg);
    Reg theirs = parsers[1].hot(msg);
    if (ours.auth() == null || !ours.equals(theirs)) {
      throw new IllegalStateException("the two parsers read different values:\n" + ours + "\n" + theirs);
    }
    // Warm-up for both before either is measured, alternating, so the JIT sees both shapes.
    for (int round = 0; round < 5; round++) {
      for (Adapter a : parsers) {
        loop(a, msg, n / 2);
      }
    }
    // Measured in 10 alternating slices, so that load from elsewhere on the machine falls on both.
    long[] ns = new long[parsers.length];
    long[] alloc = new long[parsers.length];
    for (int slice = 0; slice < 10; slice++) {
      for (int p = 0; p < parsers.length; p++) {
        long b0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        loop(parsers[p], msg, n / 10);
        ns[p] += System.nanoTime() - t0;
        alloc[p] += THREADS.getCurrentThreadAllocatedBytes() - b0;
      }
    }
    for (int p = 0; p < parsers.length; p++) {
      System.out.printf("%s\t%d bytes\t%.0f ns/message\t%d B/message%n", parsers[p].name(), msg.length,
          ns[p] / (double) (n / 10 * 10), alloc[p] / (n / 10 * 10));
    }
  }

  static void loop(Adapter a, byte[] msg, int n) throws Exception {
    Object last = null;
    for (int i = 0; i < n; i++) {
      last = a.hot(msg);
    }
    sink = last;
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "correctness" -> correctness(args);
      case "limits" -> limits();
      case "throughput" -> throughput(args);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
