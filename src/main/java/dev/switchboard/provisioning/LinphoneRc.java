package dev.switchboard.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A linphonerc INI text as ordered sections of ordered entries: `[section]` headers, `key=value`
 * lines, `#` and `;` comments. Later duplicates win, as liblinphone reads them.
 */
public final class LinphoneRc {
  private LinphoneRc() {}

  public static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (current == null || eq <= 0) {
        continue;
      }
      current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return sections;
  }

  /** Overlays {@code over} on {@code base}, section by section, entry by entry. */
  public static void merge(Map<String, Map<String, String>> base, Map<String, Map<String, String>> over) {
    over.forEach((section, entries) -> base.computeIfAbsent(section, k -> new LinkedHashMap<>()).putAll(entries));
  }
}
