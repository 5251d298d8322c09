package dev.switchboard.core.registration;

/**
 * One Contact of a REGISTER.
 *
 * @param contact the contact URI
 * @param expires the lifetime asked (the contact's expires param, else the Expires header), null when neither
 * @param q the q param, -1 when none
 * @param instance the +sip.instance param without its quotes, as Kamailio stores it (<urn:uuid:...>), or null
 * @param regId the reg-id param, 0 when none
 */
public record ContactUpdate(String contact, Integer expires, float q, String instance, int regId) {}
