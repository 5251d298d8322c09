package dev.switchboard.core.account;

import java.time.Instant;

/** A label an operator gives accounts (e.g. "phone", "door"), shown to contacts in their vCard. */
public record AccountType(long id, String key, Instant createdAt, Instant updatedAt) {}
