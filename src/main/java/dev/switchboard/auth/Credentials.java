package dev.switchboard.auth;

/**
 * What a request carries that may prove who sent it, taken from the request by a face. Any field may
 * be null. {@code from} is FlexiAPI's `from: sip:user@domain` header that names the digest account.
 */
public record Credentials(
    String apiKey,
    String bearerToken,
    String digestAuthorization,
    String from,
    String method,
    String uri,
    String remoteAddress) {

  public boolean isEmpty() {
    return apiKey == null && bearerToken == null && digestAuthorization == null;
  }
}
