package dev.switchboard.core.registration;

import java.util.List;
import java.util.Set;

/**
 * The live SIP bindings, whoever wrote them (the built-in registrar, or Kamailio in db_mode 3 on
 * the same PostgreSQL). Expired rows are never returned. Every face reads registrations through
 * this one port: FlexiAPI devices, Kazoo device status, the UAC's targets.
 */
public interface Registrations {

  /** The live bindings of username@domain (domain as stored: lower case), newest first. */
  List<Binding> of(String username, String domain);

  /** Which of these usernames in domain have at least one live binding. */
  Set<String> registered(String domain, Set<String> usernames);

  /** Removes one binding of username@domain by its ruid or its +sip.instance; false when none matched. */
  boolean remove(String username, String domain, String ruidOrInstance);

  /**
   * Removes every binding of username@domain, expired or not: the address lost its credentials (a
   * deleted account or device, a device's new SIP username or password), and a phone must not stay
   * reachable through a registration it can no longer renew.
   */
  void removeAll(String username, String domain);
}
