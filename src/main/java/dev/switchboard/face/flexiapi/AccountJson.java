package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Password;
import java.time.Instant;
import java.util.List;

/** An account as FlexiAPI shows it. Never a password hash, a confirmation key or a token. */
record AccountJson(
    long id,
    String username,
    String domain,
    String realm,
    @JsonProperty("display_name") String displayName,
    String email,
    String phone,
    boolean activated,
    boolean blocked,
    boolean admin,
    @JsonProperty("super_admin") boolean superAdmin,
    @JsonProperty("dtmf_protocol") String dtmfProtocol,
    @JsonProperty("user_agent") String userAgent,
    @JsonProperty("sip_uri") String sipUri,
    List<PasswordJson> passwords,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /** A stored credential, named by its algorithm only. */
  record PasswordJson(String algorithm) {}

  static AccountJson of(Account a, List<Password> passwords) {
    return new AccountJson(a.id(), a.username(), a.domain(), a.realm(), a.displayName(), a.email(), a.phone(),
        a.activated(), a.blocked(), a.role().isAdmin(), a.role() == dev.switchboard.core.account.Role.SUPER_ADMIN,
        a.dtmfProtocol(), a.userAgent(), a.sipUri(),
        passwords.stream().map(p -> new PasswordJson(p.algorithm().wireName())).toList(),
        a.createdAt(), a.updatedAt());
  }
}
