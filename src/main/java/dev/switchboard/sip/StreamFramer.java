package dev.switchboard.sip;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a TCP byte stream into SIP messages (RFC 3261 §18.3): headers up to the blank line, then
 * exactly Content-Length bytes (0 when absent). CRLF keep-alives between messages (RFC 5626 §3.5.1)
 * are reported as {@link #PING}. Bounded: a head over {@link #MAX_HEAD} or a body over
 * {@link #MAX_BODY} bytes is a parse error, after which the connection is closed.
 */
final class StreamFramer {
  static final int MAX_HEAD = 32 * 1024;
  static final int MAX_BODY = 64 * 1024;
  static final SipMessage PING = SipMessage.request("PING", "sip:ping", java.util.List.of(), null);

  private final InputStream in;

  StreamFramer(InputStream in) {
    this.in = in;
  }

  /** The next message, {@link #PING} for a double CRLF keep-alive, or EOFException at the end. */
  SipMessage next() throws IOException, SipParseException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
    int b;
    int crlfs = 0;
    // Leading CRLFs: keep-alive pings.
    while ((b = in.read()) == '\r' || b == '\n') {
      if (b == '\n' && ++crlfs == 2) {
        return PING;
      }
    }
    if (b < 0) {
      throw new EOFException();
    }
    head.write(b);
    int prev1 = b;
    int prev2 = -1;
    while (true) {
      b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new SipParseException("headers too large");
      }
      if (b == '\n' && (prev1 == '\n' || (prev1 == '\r' && prev2 == '\n'))) {
        break; // the blank line: \r\n\r\n, or \n\n from a sloppy peer
      }
      prev2 = prev1;
      prev1 = b;
    }
    SipMessage parsed = SipParser.parseHead(head.toString(StandardCharsets.UTF_8).stripTrailing());
    int length = SipParser.contentLength(parsed, 0);
    if (length > MAX_BODY) {
      throw new SipParseException("body too large");
    }
    return SipParser.withBody(parsed, in.readNBytes(length));
  }
}
