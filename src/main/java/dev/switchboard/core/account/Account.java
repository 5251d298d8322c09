package dev.switchboard.core.account;

import java.time.Instant;

/** A SIP identity: a FlexiAPI account, a Hermes user, a Kazoo user. */
public record Account(
    long id,
    String uuid,
    String username,
    long domainId,
    String domain,
    String displayName,
    String email,
    String phone,
    boolean activated,
    boolean blocked,
    Role role,
    String dtmfProtocol,
    String userAgent,
    String provisioningTokenHash,
    Instant provisioningTokenExpiresAt,
    String confirmationKeyHash,
    Instant confirmationKeyExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  /** The account's address of record, sip:username@domain. */
  public String sipUri() {
    return "sip:" + username + "@" + domain;
  }

  /** The digest realm of the account's credentials: its domain. */
  public String realm() {
    return domain;
  }
}
