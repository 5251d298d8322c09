package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.auth.Cidr;
import dev.switchboard.core.account.PhoneNumbers;
import dev.switchboard.core.account.SipAddress;
import dev.switchboard.core.device.PhoneService;
import dev.switchboard.core.directory.Fold;
import org.junit.jupiter.api.Test;

/** The small pure rules the faces lean on: numbers, MACs, networks, addresses, LIKE patterns, uuids. */
class PureRulesTest {
  @Test
  void numbers_are_normalised_as_phoned_does() {
    assertThat(Fold.number("+33(0)1 23 45 67 89")).isEqualTo("0033123456789");
    assertThat(Fold.number("06 11-22.33 44")).isEqualTo("0611223344");
    assertThat(Fold.number("+1 (418) 555-1234")).isEqualTo("0015551234");
    assertThat(Fold.number("*21#")).isEqualTo("*21#");
    assertThat(Fold.number("alice01")).isEqualTo("alice01");
    assertThat(Fold.text("Élodie ZOË")).isEqualTo("elodie zoe");
  }

  @Test
  void e164_numbers_are_checked_by_libphonenumber() {
    assertThat(PhoneNumbers.e164("+33 6 12 34 56 78")).hasValue("+33612345678");
    assertThat(PhoneNumbers.e164("0612345678")).isEmpty();
    assertThat(PhoneNumbers.e164("+1")).isEmpty();
  }

  @Test
  void uuids_are_32_hex_digits_ordered_by_their_millisecond_and_random_after_it() throws InterruptedException {
    String first = Ids.uuid();
    Thread.sleep(2);
    String later = Ids.uuid();
    assertThat(first).matches("[0-9a-f]{32}");
    assertThat(later).matches("[0-9a-f]{32}").isGreaterThan(first);
    long millis = Long.parseLong(later.substring(0, 12), 16);
    assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    assertThat(java.util.stream.Stream.generate(Ids::uuid).limit(1000).map(u -> u.substring(12)).distinct().count())
        .isEqualTo(1000);
  }

  @Test
  void macs_are_normalised_from_every_usual_form() {
    assertThat(PhoneService.normalizeMac("00:1A:2b:3C:4d:5E")).hasValue("001a2b3c4d5e");
    assertThat(PhoneService.normalizeMac("00-1a-2b-3c-4d-5e")).hasValue("001a2b3c4d5e");
    assertThat(PhoneService.normalizeMac("001a.2b3c.4d5e")).hasValue("001a2b3c4d5e");
    assertThat(PhoneService.normalizeMac("001A2B3C4D5E")).hasValue("001a2b3c4d5e");
    assertThat(PhoneService.normalizeMac("00:1a:2b:3c:4d")).isEmpty();
    assertThat(PhoneService.normalizeMac("00:1a:2b:3c:4d:5g")).isEmpty();
  }

  @Test
  void networks_match_v4_and_v6_peers() {
    Cidr net = Cidr.parse("10.20.0.0/16").orElseThrow();
    assertThat(net.contains("10.20.255.1")).isTrue();
    assertThat(net.contains("10.21.0.1")).isFalse();
    assertThat(Cidr.parse("127.0.0.1").orElseThrow().contains("127.0.0.1")).isTrue();
    assertThat(Cidr.parse("127.0.0.1/24").orElseThrow().contains("127.0.0.200")).isTrue();
    assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains("2001:db8:1::5")).isTrue();
    assertThat(Cidr.parse("2001:db8::/32").orElseThrow().contains("10.0.0.1")).isFalse();
    assertThat(Cidr.parse("example.org")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
  }

  @Test
  void sip_addresses_in_their_usual_forms() {
    assertThat(SipAddress.parse("\"Alice\" <sip:alice@Example.ORG;transport=tls>"))
        .hasValue(new SipAddress("alice", "example.org"));
    assertThat(SipAddress.parse("sips:bob@example.org")).hasValue(new SipAddress("bob", "example.org"));
    assertThat(SipAddress.parse("sip:@example.org")).isEmpty();
    assertThat(SipAddress.parse("nobody")).isEmpty();
  }

  @Test
  void like_patterns_escape_what_people_type() {
    assertThat(Like.glob("ali*@ex?mple.org")).isEqualTo("ali%@ex_mple.org");
    assertThat(Like.glob("100%_!")).isEqualTo("100!%!_!!");
    assertThat(Like.contains("50%")).isEqualTo("%50!%%");
  }
}
