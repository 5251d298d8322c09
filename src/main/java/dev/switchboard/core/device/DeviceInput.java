package dev.switchboard.core.device;

/**
 * A device's state as a face asks for it: the fields the core indexes and checks, plus the face's
 * document (JSON, without the password) kept as given.
 *
 * @param ownerUuid the owning account's uuid, or null (an unknown uuid leaves the device unowned)
 * @param mac the MAC as sent (normalized here), or null/empty for none
 * @param sipPassword the cleartext SIP password, or null for none
 */
public record DeviceInput(String name, String deviceType, String ownerUuid, String mac, String sipUsername,
    String sipPassword, boolean enabled, String document) {}
