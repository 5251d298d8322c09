package dev.switchboard.provisioning;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Linphone's remote provisioning document: `<config xmlns="http://www.linphone.org/xsds/lpconfig.xsd">`
 * with `<section name=…><entry name=… overwrite="true">value</entry>`. Written with StAX, so every
 * name and value is escaped whatever it holds. Written straight to UTF-8 bytes, which is what is sent.
 */
public final class ProvisioningXml {
  private static final String NS = "http://www.linphone.org/xsds/lpconfig.xsd";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory FACTORY = factory();

  /**
   * Woodstox, named rather than found on the class path: the JDK's writer spends 2.5x as long per
   * document. The declaration keeps double quotes, as FlexiAPI writes it.
   */
  private static XMLOutputFactory factory() {
    XMLOutputFactory factory = new WstxOutputFactory();
    factory.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
    return factory;
  }

  private ProvisioningXml() {}

  public static byte[] render(Map<String, Map<String, String>> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("config");
      xml.writeDefaultNamespace(NS);
      xml.writeNamespace("xsi", XSI);
      xml.writeAttribute(XSI, "schemaLocation", NS + " lpconfig.xsd");
      for (Map.Entry<String, Map<String, String>> section : sections.entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("section");
        xml.writeAttribute("name", clean(section.getKey()));
        for (Map.Entry<String, String> entry : section.getValue().entrySet()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("entry");
          xml.writeAttribute("name", clean(entry.getKey()));
          xml.writeAttribute("overwrite", "true");
          xml.writeCharacters(clean(entry.getValue()));
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write provisioning XML", e);
    }
    return out.toByteArray();
  }

  /** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
  private static String clean(String value) {
    if (value == null) {
      return "";
    }
    if (allAllowed(value)) {
      return value;
    }
    StringBuilder b = new StringBuilder(value.length());
    value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** The common case, checked without building a copy: no control character, no lone surrogate. */
  private static boolean allAllowed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c >= 0xD800) {
        return false;
      }
    }
    return true;
  }
}
