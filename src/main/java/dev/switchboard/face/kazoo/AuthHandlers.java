package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.auth.KazooAuth;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Violation;
import dev.switchboard.core.ViolationsException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.KazooUsers;
import dev.switchboard.core.domain.Tenant;
import java.util.List;

/** PUT /v2/user_auth, PUT /v2/api_auth, GET and DELETE /v2/token_auth. */
final class AuthHandlers {
  private final KazooAuth auth;
  private final KazooUsers users;
  private final Schemas schemas;
  private final ObjectMapper json;

  AuthHandlers(KazooAuth auth, KazooUsers users, Schemas schemas, Errors errors, ObjectMapper json) {
    this.auth = auth;
    this.users = users;
    this.schemas = schemas;
    this.json = json;
  }

  /** {"data": {"credentials": md5("user:pass"), "method": "md5"|"sha", "account_name"|"account_realm"|"phone_number"}}. */
  Reply userAuth(Call call) {
    ObjectNode data = call.dataObject().deepCopy();
    check(schemas.validate("user_auth", data));
    schemas.fillDefaults("user_auth", data);
    String realm = Docs.text(data, "account_realm") != null ? Docs.text(data, "account_realm") : Docs.text(data, "realm");
    KazooAuth.Login login = auth.userAuth(data.get("credentials").asText(), "sha".equals(Docs.text(data, "method")),
        Docs.text(data, "account_name"), realm, Docs.text(data, "phone_number"), call.ctx().ip());
    call.ctx().attribute(Envelope.AUTH_TOKEN, login.token());
    return Reply.created(loginData(login.tenant(), login.user()), null, null);
  }

  /** {"data": {"api_key": "<64 hex>"}}; an unknown key is 404 with the key as data, as Kazoo answers. */
  Reply apiAuth(Call call) {
    ObjectNode data = call.dataObject().deepCopy();
    check(schemas.validate("api_auth", data));
    String key = data.get("api_key").asText();
    KazooAuth.Login login;
    try {
      login = auth.apiAuth(key, call.ctx().ip());
    } catch (NotFoundException e) {
      ArrayNode cause = json.createArrayNode().add(key);
      throw new KazooException(404, "bad identifier", cause);
    }
    call.ctx().attribute(Envelope.AUTH_TOKEN, login.token());
    return Reply.created(loginData(login.tenant(), null), null, null);
  }

  /** The claims of the presented token, with the login fields. */
  Reply tokenInfo(Call call) {
    Caller c = call.caller();
    ObjectNode data = loginData(c.home(), c.user());
    data.put("method", c.claims().method());
    data.put("iss", "kazoo");
    data.put("exp", c.claims().expiresAt().getEpochSecond());
    if (c.claims().issuedAt() != null) {
      data.put("iat", c.claims().issuedAt().getEpochSecond());
    }
    return Reply.ok(data);
  }

  /** Revokes the presented token for real (Kazoo 4.3 could not): it is refused from now on. */
  Reply revoke(Call call) {
    auth.tokens().revoke(call.caller().claims());
    return Reply.ok(json.createObjectNode());
  }

  private ObjectNode loginData(Tenant tenant, Account user) {
    ObjectNode data = json.createObjectNode();
    data.put("account_id", tenant.domain().uuid());
    if (user != null) {
      data.put("owner_id", user.uuid());
    }
    data.put("account_name", tenant.name());
    data.putArray("apps");
    data.put("language", "en-us");
    data.put("is_reseller", false);
    data.put("reseller_id", tenant.domain().uuid());
    data.put("is_master_account", tenant.parentId() == null);
    data.putObject("capabilities");
    if (user != null) {
      data.put("priv_level", user.role().isAdmin() ? "admin" : "user");
      data.put("username", users.of(user).login());
    }
    return data;
  }

  static void check(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new ViolationsException(violations);
    }
  }
}
