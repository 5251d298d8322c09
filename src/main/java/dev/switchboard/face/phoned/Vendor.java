package dev.switchboard.face.phoned;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The phones phoned answers, the documents each reads, and its page size (null: no paging). */
enum Vendor {
  AASTRA("aastra", 16, Set.of("input", "lookup")),
  CISCO("cisco", null, Set.of("menu", "input", "lookup")),
  FANVIL("fanvil", 16, Set.of("input", "lookup")),
  FANVIL_V2("fanvil-v2", null, Set.of("lookup")),
  GIGASET("gigaset", null, Set.of("lookup")),
  HTEK("htek", null, Set.of("lookup")),
  POLYCOM("polycom", 16, Set.of("input", "lookup")),
  SNOM("snom", null, Set.of("input", "lookup")),
  THOMSON("thomson", 8, Set.of("lookup")),
  YEALINK("yealink", null, Set.of("lookup"));

  final String wire;
  final Integer pageSize;
  final Set<String> documents;

  Vendor(String wire, Integer pageSize, Set<String> documents) {
    this.wire = wire;
    this.pageSize = pageSize;
    this.documents = documents;
  }

  static Optional<Vendor> of(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Vendor v : values()) {
      if (v.wire.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  String contentType() {
    return this == POLYCOM ? "text/html; charset=utf-8" : "text/xml; charset=utf-8";
  }
}
