package dev.switchboard.core.registration;

import dev.switchboard.core.account.Algorithm;
import java.util.Map;

/**
 * Who may register as username@domain, and with which stored HA1s: an account (account_passwords)
 * or a device with its own SIP credentials (devices.sip_username + device_passwords).
 *
 * @param usable false for a blocked or deactivated account, or a disabled device or one whose owner is blocked: it gets 403
 */
public record SipCredential(Kind kind, long id, String username, String domain, boolean usable,
    Map<Algorithm, String> ha1s) {
  public enum Kind { ACCOUNT, DEVICE }
}
