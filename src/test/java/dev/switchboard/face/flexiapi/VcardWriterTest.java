package dev.switchboard.face.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VcardWriterTest {
  private static final String HOSTILE = "Doe, John; \\ \"Jr\"\r\nÉlodie 中文 😀 " + "é".repeat(60) + " 😀".repeat(30);

  @Test
  void hostile_values_parse_back_and_no_line_passes_75_octets() {
    VcardWriter out = new VcardWriter();
    out.begin();
    out.text("KIND", "individual");
    out.raw("IMPP", "sip:user@example.org");
    out.text("FN", HOSTILE);
    out.raw("X-LINPHONE-ACCOUNT-ACTION", "open-door;123");
    out.end();
    out.begin();
    out.text("FN", "b@example.org");
    out.end();
    byte[] bytes = out.bytes();
    String text = new String(bytes, StandardCharsets.UTF_8);

    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(text).doesNotContain("\uFFFD").endsWith("END:VCARD\r\n");
    List<VCard> cards = Ezvcard.parse(text).all();
    assertThat(cards).hasSize(2);
    assertThat(cards.get(0).getFormattedName().getValue()).isEqualTo(HOSTILE.replace("\r\n", "\n"));
    assertThat(cards.get(0).getKind().isIndividual()).isTrue();
    assertThat(cards.get(0).getImpps().get(0).getUri().toString()).isEqualTo("sip:user@example.org");
    assertThat(cards.get(0).getExtendedProperty("X-LINPHONE-ACCOUNT-ACTION").getValue()).isEqualTo("open-door;123");
    assertThat(cards.get(1).getFormattedName().getValue()).isEqualTo("b@example.org");
  }

  @Test
  void nothing_to_write_is_empty() {
    assertThat(new VcardWriter().bytes()).isEmpty();
  }
}
