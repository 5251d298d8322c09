package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestHeaderTest {
  @Test
  void parses_quoted_and_token_values() {
    Map<String, String> p = DigestHeader.parse("Digest username=\"Mufasa\", realm=\"http-auth@example.org\","
        + " uri=\"/dir/index.html\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
        + " nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
        + " response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\","
        + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"").orElseThrow();
    assertThat(p).containsEntry("username", "Mufasa").containsEntry("algorithm", "SHA-256")
        .containsEntry("nc", "00000001").containsEntry("qop", "auth")
        .containsEntry("uri", "/dir/index.html");
  }

  @Test
  void keeps_commas_and_escaped_quotes_inside_quoted_values() {
    Map<String, String> p = DigestHeader.parse("Digest username=\"a,\\\"b\", REALM=x").orElseThrow();
    assertThat(p).containsEntry("username", "a,\"b").containsEntry("realm", "x");
    assertThat(DigestHeader.parse("Digest username=\"a\\\\\", nc=1").orElseThrow())
        .as("an escaped backslash before the closing quote").containsEntry("username", "a\\").containsEntry("nc", "1");
  }

  @Test
  void rejects_what_is_not_a_digest_header() {
    assertThat(DigestHeader.parse("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(DigestHeader.parse("Digest username=\"unterminated")).isEmpty();
    assertThat(DigestHeader.parse("Digest novalue")).isEmpty();
    assertThat(DigestHeader.parse("Digest a=1, a=2")).isEmpty();
    assertThat(DigestHeader.parse(null)).isEmpty();
  }
}
