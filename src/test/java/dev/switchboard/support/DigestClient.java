package dev.switchboard.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of RFC 7616 written from the RFC for the tests (it shares no code with the server):
 * parses a challenge and computes the Authorization header for qop=auth.
 */
public final class DigestClient {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

  private DigestClient() {}

  public static Map<String, String> parseChallenge(String header) {
    if (!header.startsWith("Digest ")) {
      throw new AssertionError("not a Digest challenge: " + header);
    }
    Map<String, String> params = new HashMap<>();
    Matcher m = PARAM.matcher(header.substring(7));
    while (m.find()) {
      params.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return params;
  }

  public static String hash(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The Authorization header answering {@code challenge} for (username, password) on method/uri. */
  public static String authorization(Map<String, String> challenge, String username, String password,
      String method, String uri, int nc, String cnonce) {
    String algorithm = challenge.get("algorithm");
    String realm = challenge.get("realm");
    String nonce = challenge.get("nonce");
    String ncHex = String.format("%08x", nc);
    String ha1 = hash(algorithm, username + ":" + realm + ":" + password);
    String ha2 = hash(algorithm, method + ":" + uri);
    String response = hash(algorithm, ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":auth:" + ha2);
    return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
        + "\", algorithm=" + algorithm + ", qop=auth, nc=" + ncHex + ", cnonce=\"" + cnonce + "\", response=\""
        + response + "\", opaque=\"" + challenge.get("opaque") + "\"";
  }

  /** GET {@code path} with a full digest round trip (challenge, then answer) for that account. */
  public static Http.Response get(String baseUrl, String path, String username, String domain, String password,
      String algorithm) {
    String from = "sip:" + username + "@" + domain;
    Http.Response challenge = Http.get(baseUrl + path, "from", from);
    if (challenge.status() != 401) {
      throw new AssertionError("expected a challenge, got " + challenge.status() + ": " + challenge.body());
    }
    Map<String, String> c = challenge.headers("WWW-Authenticate").stream().map(DigestClient::parseChallenge)
        .filter(x -> x.get("algorithm").equals(algorithm)).findFirst().orElseThrow();
    return Http.get(baseUrl + path, "from", from, "Authorization",
        authorization(c, username, password, "GET", path, 1, "0a4f113b"));
  }

  /** Any method with a full digest round trip; {@code body} may be null. */
  public static Http.Response send(String baseUrl, String method, String path, String body, String username,
      String domain, String password, String algorithm) {
    String from = "sip:" + username + "@" + domain;
    Http.Response challenge = Http.send(method, baseUrl + path, body, "from", from);
    if (challenge.status() != 401) {
      throw new AssertionError("expected a challenge, got " + challenge.status() + ": " + challenge.body());
    }
    Map<String, String> c = challenge.headers("WWW-Authenticate").stream().map(DigestClient::parseChallenge)
        .filter(x -> x.get("algorithm").equals(algorithm)).findFirst().orElseThrow();
    return Http.send(method, baseUrl + path, body, "from", from, "Authorization",
        authorization(c, username, password, method, path, 1, "0a4f113b"));
  }
}
