package dev.switchboard.auth;

import dev.switchboard.core.account.Algorithm;

/** One WWW-Authenticate: Digest challenge of RFC 7616 (qop=auth). */
public record DigestChallenge(String realm, Algorithm algorithm, String nonce, String opaque, boolean stale) {

  /** The header value: Digest realm="…",qop="auth",algorithm=…,nonce="…",opaque="…"[,stale=true]. */
  public String headerValue() {
    return "Digest realm=\"" + quote(realm) + "\",qop=\"auth\",algorithm=" + algorithm.wireName()
        + ",nonce=\"" + nonce + "\",opaque=\"" + opaque + "\"" + (stale ? ",stale=true" : "");
  }

  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
