package dev.switchboard.core.message;

import java.util.Map;

/**
 * A MESSAGE or NOTIFY to username@domain.
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
    String body) {}
