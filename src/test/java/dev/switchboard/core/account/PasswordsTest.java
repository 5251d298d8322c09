package dev.switchboard.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Passwords.hash runs before the creation's transaction: what it makes must be what the stored
 * credentials have always been (values from md5sum, sha1sum and sha256sum).
 */
class PasswordsTest {
  @Test
  void a_new_accounts_hashes_are_the_ha1s_ha1b_and_kazoo_digests() {
    Passwords.Hashed h = Passwords.hash("Alice", "example.org", "s3cret-pw", EnumSet.allOf(Algorithm.class));
    assertThat(h.ha1s()).containsOnlyKeys(Algorithm.MD5, Algorithm.SHA256);
    assertThat(h.ha1s().get(Algorithm.MD5)).containsExactly(
        "bc559bd3b3b32a28a16ba5e9d5e6db13", // MD5("Alice:example.org:s3cret-pw")
        "3cb3ebb01d311850d829da66759b86c6"); // MD5("Alice@example.org:example.org:s3cret-pw")
    assertThat(h.ha1s().get(Algorithm.SHA256))
        .containsExactly("123e8c284b593404d1b860a92d95a45d8bf58ac51b1a58edea773647e1b3e13a", null);
    // Kazoo's login is the lower-cased SIP username until the account has one of its own.
    assertThat(h.kazooMd5()).isEqualTo("41dac7e9c5864ed1f13bfe92f7972329");
    assertThat(h.kazooSha1()).isEqualTo("df7ad4bcbdef920ca54304e0823eea82725fdda1");
  }

  @Test
  void only_the_chosen_algorithms_are_hashed() {
    assertThat(Passwords.hash("bob", "example.org", "s3cret-pw", EnumSet.of(Algorithm.SHA256)).ha1s())
        .containsOnlyKeys(Algorithm.SHA256);
  }
}
