package dev.switchboard.core.message;

import dev.switchboard.core.ValidationException;
import java.util.Map;

/**
 * A MESSAGE or NOTIFY to username@domain. Every field that lands in the request head is refused
 * when it holds CR, LF or NUL (one line break would let a caller add headers or a second request)
 * or is empty (an empty header value or name makes a request no SIP stack, ours or Kamailio's, sends).
 *
 * @param method "MESSAGE" or "NOTIFY"
 * @param username the target AOR's user part (account username, alias or device sip username)
 * @param domain the target AOR's domain
 * @param from the From URI (sip:user@domain); the UAC adds the tag
 * @param headers extra headers in order, e.g. Event and Subscription-State for a NOTIFY
 * @param contentType the body's Content-Type, or null without a body
 * @param body the body, or null
 */
public record OutOfDialogRequest(
    String method,
    String username,
    String domain,
    String from,
    Map<String, String> headers,
    String contentType,
    String body) {

  public OutOfDialogRequest {
    oneLine("method", method);
    oneLine("username", username);
    oneLine("domain", domain);
    required("from", from);
    oneLine("content_type", contentType);
    if (headers != null) {
      headers.forEach((name, value) -> {
        required("header", name);
        required(name, value);
      });
    }
  }

  private static void required(String field, String value) {
    if (value == null) {
      throw ValidationException.of(field, "The " + field + " is required.");
    }
    oneLine(field, value);
  }

  private static void oneLine(String field, String value) {
    if (value != null && value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw ValidationException.of(field, "The " + field + " must not contain a line break or NUL.");
    }
    if (value != null && value.isEmpty()) {
      throw ValidationException.of(field, "The " + field + " must not be empty.");
    }
  }
}
