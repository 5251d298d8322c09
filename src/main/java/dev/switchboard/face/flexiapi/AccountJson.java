package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountType;
import dev.switchboard.core.account.Action;
import dev.switchboard.core.account.Password;
import dev.switchboard.core.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account as FlexiAPI shows it. Never a password hash (except `recover`, which hands the HA1s
 * to the device), and a confirmation key or provisioning token only in the answer that made it.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record AccountJson(
    long id,
    String uuid,
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
    Map<String, String> dictionary,
    List<TypeJson> types,
    List<ActionJson> actions,
    @JsonProperty("confirmation_key") @JsonInclude(JsonInclude.Include.NON_NULL) String confirmationKey,
    @JsonProperty("confirmation_key_expires") @JsonInclude(JsonInclude.Include.NON_NULL) Instant confirmationKeyExpires,
    @JsonProperty("provisioning_token") @JsonInclude(JsonInclude.Include.NON_NULL) String provisioningToken,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /** A stored credential: its algorithm, and its HA1 only for recovery. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PasswordJson(String algorithm, String password) {}

  /** An account type as an account shows it. */
  record TypeJson(long id, String key) {}

  /** A DTMF action as an account shows it. */
  record ActionJson(long id, String key, String code) {}

  static AccountJson of(Account a, List<Password> passwords, Map<String, String> dictionary, List<AccountType> types,
      List<Action> actions, String confirmationKey, String provisioningToken, boolean withHashes) {
    return new AccountJson(a.id(), a.uuid(), a.username(), a.domain(), a.realm(), a.displayName(), a.email(), a.phone(),
        a.activated(), a.blocked(), a.role().isAdmin(), a.role() == Role.SUPER_ADMIN, a.dtmfProtocol(), a.userAgent(),
        a.sipUri(),
        passwords.stream().map(p -> new PasswordJson(p.algorithm().wireName(), withHashes ? p.ha1() : null)).toList(),
        dictionary, types.stream().map(t -> new TypeJson(t.id(), t.key())).toList(),
        actions.stream().map(x -> new ActionJson(x.id(), x.key(), x.code())).toList(),
        confirmationKey, confirmationKey == null ? null : a.confirmationKeyExpiresAt(), provisioningToken,
        a.createdAt(), a.updatedAt());
  }
}
