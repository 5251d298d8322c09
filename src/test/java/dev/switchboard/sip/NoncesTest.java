package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.Algorithm;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Stateless nonces and the digest response check. */
class NoncesTest {
  static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  final Nonces nonces = new Nonces(KEY, 300, now::get);

  @Test
  void a_nonce_is_valid_for_its_realm_until_its_lifetime_then_stale() {
    String n = nonces.issue("example.org", "call-1");
    assertThat(nonces.check(n, "example.org", "call-1")).isEqualTo(Nonces.Check.VALID);
    assertThat(nonces.check(n, "EXAMPLE.org", "call-1")).isEqualTo(Nonces.Check.VALID);
    assertThat(nonces.check(n, "other.org", "call-1")).isEqualTo(Nonces.Check.INVALID);
    now.addAndGet(300_001);
    assertThat(nonces.check(n, "example.org", "call-1")).isEqualTo(Nonces.Check.STALE);
  }

  @Test
  void a_nonce_answers_only_the_call_id_it_was_issued_for() {
    String n = nonces.issue("example.org", "call-1");
    assertThat(nonces.check(n, "example.org", "call-2")).isEqualTo(Nonces.Check.INVALID);
    now.addAndGet(300_001);
    // Not stale either: under another Call-ID it is no nonce of ours at all.
    assertThat(nonces.check(n, "example.org", "call-2")).isEqualTo(Nonces.Check.INVALID);
  }

  @Test
  void another_instance_with_the_same_key_accepts_it_and_one_with_another_key_does_not() {
    String n = nonces.issue("example.org", "call-1");
    assertThat(new Nonces(KEY, 300, now::get).check(n, "example.org", "call-1")).isEqualTo(Nonces.Check.VALID);
    assertThat(new Nonces(KEY.replace('0', '1'), 300, now::get).check(n, "example.org", "call-1")).isEqualTo(Nonces.Check.INVALID);
  }

  @Test
  void forged_or_garbled_nonces_are_invalid() {
    String n = nonces.issue("example.org", "call-1");
    char last = n.charAt(n.length() - 1);
    assertThat(nonces.check(n.substring(0, n.length() - 1) + (last == 'A' ? 'B' : 'A'), "example.org", "call-1"))
        .isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("", "example.org", "call-1")).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("!!!not base64", "example.org", "call-1")).isEqualTo(Nonces.Check.INVALID);
    assertThat(nonces.check("AAAA", "example.org", "call-1")).isEqualTo(Nonces.Check.INVALID);
  }

  @Test
  void digest_responses_match_rfc_examples_for_md5_and_sha256_and_only_the_right_password() {
    for (Algorithm h : Algorithm.values()) {
      String ha1 = h.ha1("alice", "example.org", "secret");
      Map<String, String> p = new HashMap<>(Map.of("nonce", "n1", "uri", "sip:example.org", "qop", "auth",
          "nc", "00000001", "cnonce", "c1"));
      p.put("response", h.hex(ha1 + ":n1:00000001:c1:auth:" + h.hex("REGISTER:sip:example.org")).toUpperCase());
      assertThat(DigestResponse.matches(h, ha1, "REGISTER", p)).isTrue();
      assertThat(DigestResponse.matches(h, h.ha1("alice", "example.org", "wrong"), "REGISTER", p)).isFalse();
      assertThat(DigestResponse.matches(h, ha1, "INVITE", p)).isFalse();
      Map<String, String> noQop = new HashMap<>(Map.of("nonce", "n1", "uri", "sip:example.org"));
      noQop.put("response", h.hex(ha1 + ":n1:" + h.hex("REGISTER:sip:example.org")));
      assertThat(DigestResponse.matches(h, ha1, "REGISTER", noQop)).isTrue();
      p.put("qop", "auth-int");
      assertThat(DigestResponse.matches(h, ha1, "REGISTER", p)).isFalse();
    }
  }
}
