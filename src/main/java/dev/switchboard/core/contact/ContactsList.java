package dev.switchboard.core.contact;

import java.time.Instant;

/** A named list of accounts that can be attached to accounts as contacts. */
public record ContactsList(long id, String title, String description, long contactsCount, Instant createdAt,
    Instant updatedAt) {}
