package dev.switchboard.core.account;

import java.time.Instant;

/** A DTMF action of an account (e.g. open-door → code 123), shown to contacts in their vCard. */
public record Action(long id, long accountId, String key, String code, Instant createdAt, Instant updatedAt) {}
