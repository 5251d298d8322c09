package dev.switchboard.provisioning;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Linphone's remote provisioning document: `<config xmlns="http://www.linphone.org/xsds/lpconfig.xsd">`
 * with `<section name=…><entry name=… overwrite="true">value</entry>`. Written with StAX, so every
 * name and value is escaped whatever it holds.
 */
public final class ProvisioningXml {
  private static final String NS = "http://www.linphone.org/xsds/lpconfig.xsd";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private ProvisioningXml() {}

  public static String render(Map<String, Map<String, String>> sections) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
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
    return out.toString();
  }

  /** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
  private static String clean(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(value.length());
    value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
    return b.toString();
  }
}
