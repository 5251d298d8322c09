package dev.switchboard.face.phoned;

import java.util.Locale;
import java.util.Map;

/** The words phones show, in English and French, chosen from Accept-Language (English by default). */
final class Labels {
  private static final Map<String, String> EN = Map.ofEntries(
      Map.entry("directory", "Directory"), Map.entry("search_title", "Search"),
      Map.entry("prompt", "Name or number"), Map.entry("prompt_colon", "Name or number:"),
      Map.entry("search", "Search"), Map.entry("no_entries", "No entries"),
      Map.entry("previous_page", "Previous Page"), Map.entry("next_page", "Next Page"),
      Map.entry("prev_short", "PrevPage"), Map.entry("next_short", "NextPage"),
      Map.entry("dial", "Dial"), Map.entry("exit", "Exit"));
  private static final Map<String, String> FR = Map.ofEntries(
      Map.entry("directory", "Répertoire"), Map.entry("search_title", "Recherche"),
      Map.entry("prompt", "Nom ou numéro"), Map.entry("prompt_colon", "Nom ou numéro :"),
      Map.entry("search", "Rechercher"), Map.entry("no_entries", "Aucune entrée"),
      Map.entry("previous_page", "Page Précédente"), Map.entry("next_page", "Page Suivante"),
      Map.entry("prev_short", "PagePréc"), Map.entry("next_short", "PageSuiv"),
      Map.entry("dial", "Appeler"), Map.entry("exit", "Quitter"));

  private Labels() {}

  /** The labels for an Accept-Language header: the first supported language by weight. */
  static Map<String, String> of(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return EN;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage.replace('_', '-'))) {
        String lang = range.getRange().split("-")[0];
        if (lang.equals("fr")) {
          return FR;
        }
        if (lang.equals("en") || lang.equals("*")) {
          return EN;
        }
      }
    } catch (IllegalArgumentException e) {
      // Some phones send malformed headers: English, as phoned.
    }
    return EN;
  }
}
