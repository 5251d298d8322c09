package dev.switchboard.core.device;

import java.time.Instant;

/**
 * A device of the core: a desk phone or softphone endpoint in a domain, with its own SIP username
 * (credentials in device_passwords and an encrypted secret), an owner account, a MAC (12 lowercase
 * hex, unique system-wide) and its Kazoo document (public fields without sip.password).
 */
public record Device(
    long id,
    String uuid,
    Long domainId,
    Long ownerId,
    String ownerUuid,
    String mac,
    String sipUsername,
    boolean enabled,
    String name,
    String deviceType,
    String document,
    long revision,
    Instant createdAt,
    Instant updatedAt,
    Instant deletedAt) {}
