package dev.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.Algorithm;
import org.junit.jupiter.api.Test;

class AlgorithmTest {
  // RFC 7616 §3.9.1: Mufasa / http-auth@example.org / "Circle of Life".
  @Test
  void ha1_matches_the_rfc_7616_examples() {
    String md5Ha1 = Algorithm.MD5.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
    String md5Ha2 = Algorithm.MD5.hex("GET:/dir/index.html");
    String md5 = Algorithm.MD5.hex(md5Ha1 + ":7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:"
        + "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:" + md5Ha2);
    assertThat(md5).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    String shaHa1 = Algorithm.SHA256.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
    String shaHa2 = Algorithm.SHA256.hex("GET:/dir/index.html");
    String sha = Algorithm.SHA256.hex(shaHa1 + ":7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:"
        + "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:" + shaHa2);
    assertThat(sha).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }
}
