package dev.switchboard.face.hermes;

/** Numeric parameters: limits and ports; a bad one is `invalid`/`parameters`. */
final class Numbers {
  private Numbers() {}

  static int positive(Params p, String name, int fallback) {
    String v = p.get(name);
    if (v == null) {
      return fallback;
    }
    if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < 1) {
      throw HermesException.invalid("parameters", name + " must be a positive integer");
    }
    return Integer.parseInt(v);
  }

  static Integer port(Params p, String name) {
    String v = p.get(name);
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{1,5}") || Integer.parseInt(v) > 65535) {
      throw HermesException.failed("parameters", name + " must be a port number");
    }
    return Integer.valueOf(v);
  }
}
