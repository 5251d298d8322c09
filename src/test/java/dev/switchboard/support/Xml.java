package dev.switchboard.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses XML for assertions (namespace-aware, no external entities). */
public final class Xml {
  private Xml() {}

  public static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  /** A Linphone provisioning document as section -> entry -> value. */
  public static Map<String, Map<String, String>> sections(String xml) {
    Document doc = parse(xml);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    NodeList sections = doc.getDocumentElement().getElementsByTagNameNS("*", "section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element section = (Element) sections.item(i);
      Map<String, String> entries = out.computeIfAbsent(section.getAttribute("name"), k -> new LinkedHashMap<>());
      NodeList list = section.getElementsByTagNameNS("*", "entry");
      for (int j = 0; j < list.getLength(); j++) {
        Element entry = (Element) list.item(j);
        entries.put(entry.getAttribute("name"), entry.getTextContent());
      }
    }
    return out;
  }
}
