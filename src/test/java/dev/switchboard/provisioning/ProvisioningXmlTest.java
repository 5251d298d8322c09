package dev.switchboard.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Xml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningXmlTest {
  private static String render(String value) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    sections.put("misc", Map.of("v", value));
    return new String(ProvisioningXml.render(sections), StandardCharsets.UTF_8);
  }

  @Test
  void the_declaration_is_written_as_flexiapi_writes_it() {
    assertThat(render("x")).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config ");
  }

  @Test
  void characters_outside_xml_are_dropped_and_the_rest_survives_a_parse() {
    String value = "a\u0001b\u0008 <&> \"'\t \uD83D\uDE00 \uD800 \uFFFE\u00e9";
    assertThat(Xml.sections(render(value)).get("misc").get("v")).isEqualTo("ab <&> \"'\t \uD83D\uDE00  \u00e9");
  }

  @Test
  void plain_values_are_written_unchanged() {
    assertThat(Xml.sections(render("<sip:alice@example.org>")).get("misc").get("v")).isEqualTo("<sip:alice@example.org>");
  }
}
