package dev.switchboard.sip;

import dev.switchboard.auth.DigestHeader;
import dev.switchboard.core.account.Algorithm;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small SIP user agent for the tests, over UDP or TCP to 127.0.0.1: it sends what it is told,
 * answers digest challenges (MD5 or SHA-256, qop=auth) from the stored password, and answers 200 to
 * every MESSAGE and NOTIFY it receives, keeping them for the test to inspect.
 */
public final class TestUa implements AutoCloseable {
  private final String transport;
  private final InetSocketAddress server;
  private final DatagramSocket udp;
  private final Socket tcp;
  private final OutputStream tcpOut;
  private final BlockingQueue<SipMessage> responses = new LinkedBlockingQueue<>();
  private final BlockingQueue<SipMessage> requests = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile int answerStatus = 200;
  private volatile boolean closed;
  private int cseq = 1;
  final String callId = UUID.randomUUID().toString();

  private TestUa(String transport, int serverPort) throws IOException {
    this(transport, serverPort, InetAddress.getLoopbackAddress());
  }

  private TestUa(String transport, int serverPort, InetAddress local) throws IOException {
    this.transport = transport;
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    if (transport.equals("UDP")) {
      udp = new DatagramSocket(0, local);
      tcp = null;
      tcpOut = null;
    } else {
      udp = null;
      tcp = new Socket();
      tcp.connect(server, 3000);
      tcpOut = tcp.getOutputStream();
    }
    reader = Thread.ofVirtual().start(this::read);
  }

  public static TestUa udp(int serverPort) throws IOException {
    return new TestUa("UDP", serverPort);
  }

  /** A UDP UA sending from another loopback address (127.0.0.2...): another source for the failure limit. */
  static TestUa udpFrom(String localIp, int serverPort) throws IOException {
    return new TestUa("UDP", serverPort, InetAddress.getByName(localIp));
  }

  static TestUa tcp(int serverPort) throws IOException {
    return new TestUa("TCP", serverPort);
  }

  static TestUa of(String transport, int serverPort) throws IOException {
    return new TestUa(transport, serverPort);
  }

  int localPort() {
    return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
  }

  String transport() {
    return transport;
  }

  /** The contact this UA can be reached at. */
  public String contact(String user) {
    return "sip:" + user + "@127.0.0.1:" + localPort() + (transport.equals("TCP") ? ";transport=tcp" : "");
  }

  /** Answers later MESSAGE/NOTIFY requests with this status. */
  void answerWith(int status) {
    this.answerStatus = status;
  }

  private void read() {
    try {
      if (udp != null) {
        byte[] buf = new byte[65_535];
        while (!closed) {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          udp.receive(p);
          try {
            deliver(SipParser.parseDatagram(buf, p.getLength()), (InetSocketAddress) p.getSocketAddress());
          } catch (SipParseException e) {
            // ignore garbage
          }
        }
      } else {
        StreamFramer framer = new StreamFramer(new BufferedInputStream(tcp.getInputStream()));
        while (!closed) {
          SipMessage m = framer.next();
          if (m != StreamFramer.PING) {
            deliver(m, server);
          }
        }
      }
    } catch (IOException | SipParseException e) {
      // closed
    }
  }

  /** Keeps a response; answers a request (to where it came from, as rport asks) with answerStatus. */
  private void deliver(SipMessage m, InetSocketAddress from) throws IOException {
    if (!m.isRequest()) {
      responses.add(m);
      return;
    }
    requests.add(m);
    StringBuilder sb = new StringBuilder("SIP/2.0 " + answerStatus + " Answer\r\n");
    for (String via : m.values("Via")) {
      sb.append("Via: ").append(via).append("\r\n");
    }
    sb.append("From: ").append(m.header("From")).append("\r\n");
    sb.append("To: ").append(m.header("To")).append(";tag=ua\r\n");
    sb.append("Call-ID: ").append(m.header("Call-ID")).append("\r\n");
    sb.append("CSeq: ").append(m.header("CSeq")).append("\r\n");
    sb.append("Content-Length: 0\r\n\r\n");
    byte[] answer = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (udp != null) {
      udp.send(new DatagramPacket(answer, answer.length, from));
    } else {
      sendRaw(answer);
    }
  }

  void sendRaw(byte[] data) throws IOException {
    if (udp != null) {
      udp.send(new DatagramPacket(data, data.length, server));
    } else {
      synchronized (tcpOut) {
        tcpOut.write(data);
        tcpOut.flush();
      }
    }
  }

  void sendRaw(String text) throws IOException {
    sendRaw(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The next response, skipping provisional ones; null after the timeout. */
  SipMessage nextResponse(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      SipMessage r = responses.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      if (r == null || r.status() >= 200) {
        return r;
      }
    }
  }

  SipMessage nextResponse() throws InterruptedException {
    return nextResponse(5000);
  }

  /** The next request the server sent this UA (already answered), or null after the timeout. */
  public SipMessage nextRequest(long millis) throws InterruptedException {
    return requests.poll(millis, TimeUnit.MILLISECONDS);
  }

  int nextCseq() {
    return cseq++;
  }

  /** A REGISTER (without Authorization); extra header lines are appended verbatim. */
  String register(String user, String domain, List<String> contacts, String callId, int cseq, String... extra) {
    StringBuilder sb = new StringBuilder();
    sb.append("REGISTER sip:").append(domain).append(" SIP/2.0\r\n");
    sb.append("Via: SIP/2.0/").append(transport).append(" 127.0.0.1:").append(localPort())
        .append(";rport;branch=z9hG4bK").append(UUID.randomUUID().toString().replace("-", "")).append("\r\n");
    sb.append("Max-Forwards: 70\r\n");
    sb.append("From: <sip:").append(user).append('@').append(domain).append(">;tag=").append(callId.hashCode() & 0xffff).append("\r\n");
    sb.append("To: <sip:").append(user).append('@').append(domain).append(">\r\n");
    sb.append("Call-ID: ").append(callId).append("\r\n");
    sb.append("CSeq: ").append(cseq).append(" REGISTER\r\n");
    for (String c : contacts) {
      sb.append("Contact: ").append(c).append("\r\n");
    }
    for (String e : extra) {
      sb.append(e).append("\r\n");
    }
    sb.append("Content-Length: 0\r\n\r\n");
    return sb.toString();
  }

  /**
   * Registers: sends the REGISTER, answers the challenge of the given algorithm with the password,
   * returns the final answer to the authenticated request (or the first one if it was not 401).
   */
  public SipMessage registerWithAuth(String user, String domain, String password, String algorithm, List<String> contacts,
      String... extra) throws IOException, InterruptedException {
    sendRaw(register(user, domain, contacts, callId, nextCseq(), extra));
    SipMessage challenge = nextResponse();
    if (challenge == null || challenge.status() != 401) {
      return challenge;
    }
    String auth = authorization(challenge, user, password, algorithm, "sip:" + domain, "REGISTER");
    List<String> withAuth = new ArrayList<>(List.of(extra));
    withAuth.add("Authorization: " + auth);
    sendRaw(register(user, domain, contacts, callId, nextCseq(), withAuth.toArray(String[]::new)));
    return nextResponse();
  }

  /** Sends an unauthenticated REGISTER and returns the Authorization answering its 401 with {@code algorithm}. */
  String answerChallenge(String user, String domain, String password, String algorithm, List<String> contacts,
      String callId, int cseq, String... extra) throws IOException, InterruptedException {
    sendRaw(register(user, domain, contacts, callId, cseq, extra));
    return authorization(nextResponse(), user, password, algorithm, "sip:" + domain, "REGISTER");
  }

  /** An Authorization value answering the challenge of {@code algorithm} in the 401. */
  static String authorization(SipMessage challenge, String user, String password, String algorithm, String uri,
      String method) {
    for (String www : challengeHeaders(challenge)) {
      Map<String, String> p = DigestHeader.parse(www).orElseThrow();
      if (!p.getOrDefault("algorithm", "MD5").equalsIgnoreCase(algorithm)) {
        continue;
      }
      Algorithm h = Algorithm.fromWire(algorithm).orElseThrow();
      String realm = p.get("realm");
      String nonce = p.get("nonce");
      String cnonce = "c0ffee";
      String nc = "00000001";
      String ha1 = h.ha1(user, realm, password);
      String response = h.hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + h.hex(method + ":" + uri));
      return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
          + "\", response=\"" + response + "\", algorithm=" + algorithm + ", cnonce=\"" + cnonce + "\", qop=auth, nc="
          + nc + (p.containsKey("opaque") ? ", opaque=\"" + p.get("opaque") + "\"" : "");
    }
    throw new AssertionError("no " + algorithm + " challenge in " + challengeHeaders(challenge));
  }

  static List<String> challengeHeaders(SipMessage m) {
    List<String> out = new ArrayList<>();
    for (SipMessage.Header h : m.headers()) {
      if (h.name().equalsIgnoreCase("WWW-Authenticate")) {
        out.add(h.value());
      }
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
    if (udp != null) {
      udp.close();
    }
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException e) {
        // closing
      }
    }
    reader.interrupt();
  }
}
