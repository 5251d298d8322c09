package dev.switchboard.face.hermes;

/** A Hermes answer other than ok: `invalid` or `failed`, with its cause keyword and a detail. */
final class HermesException extends RuntimeException {
  private final String response;
  private final String cause;
  private final String detailKey;

  HermesException(String response, String cause, String detail) {
    this(response, cause, detail, "detail");
  }

  private HermesException(String response, String cause, String detail, String detailKey) {
    super(detail, null, false, false);
    this.response = response;
    this.cause = cause;
    this.detailKey = detailKey;
  }

  /** domain/set_servers words its parameter failures as `description`. */
  static HermesException parameters(String description) {
    return new HermesException("failed", "parameters", description, "description");
  }

  String detailKey() {
    return detailKey;
  }

  static HermesException invalid(String cause, String detail) {
    return new HermesException("invalid", cause, detail);
  }

  static HermesException failed(String cause, String detail) {
    return new HermesException("failed", cause, detail);
  }

  String response() {
    return response;
  }

  String hermesCause() {
    return cause;
  }
}
