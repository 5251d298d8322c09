package dev.switchboard.core.domain;

import java.time.Instant;

/** A SIP domain and digest realm; also a Kazoo account (tenant) and a Hermes domain. */
public record Domain(
    long id,
    String uuid,
    String name,
    String registrar,
    Integer rPort,
    String proxy,
    Integer pPort,
    String provUrl,
    boolean local,
    Instant createdAt,
    Instant updatedAt) {}
