package dev.switchboard.core.account;

import dev.switchboard.store.Daos;

/**
 * The one rule for who may take a SIP address: username@domain is taken when an account, an alias
 * (Hermes aliases and E.164 numbers) or a live device's SIP username holds it, compared
 * case-insensitively, so that the registrar, the Kamailio views and alias resolution never find
 * two holders of one address. Every face checks it through here, inside its writing transaction,
 * and words the refusal its own way.
 */
public final class SipAddresses {
  private SipAddresses() {}

  public static boolean taken(Daos d, String username, String domain) {
    return d.fast().sipAddressHolders(username, domain, -1, -1) > 0;
  }

  /** As {@link #taken}, for an account renaming itself: its own current address does not count. */
  public static boolean takenByOtherThanAccount(Daos d, String username, String domain, long accountId) {
    return d.fast().sipAddressHolders(username, domain, accountId, -1) > 0;
  }

  /** As {@link #taken}, for a device keeping or changing its SIP username. */
  public static boolean takenByOtherThanDevice(Daos d, String username, String domain, long deviceId) {
    return d.fast().sipAddressHolders(username, domain, -1, deviceId) > 0;
  }
}
