package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.auth.KazooAuth;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Ids;
import dev.switchboard.core.Violation;
import dev.switchboard.core.domain.Tenant;
import dev.switchboard.core.domain.Tenants;
import java.util.List;

/**
 * /v2/accounts/{A}: a Kazoo account is a domain. Its `realm` is the domain name (fixed once the
 * domain holds credentials), its `name` is unique system-wide once normalized; a sub-account is a
 * new domain under it. Other keys of the document are kept as sent.
 */
final class AccountHandlers {
  private final Tenants tenants;
  private final KazooAuth auth;
  private final Schemas schemas;
  private final ObjectMapper json;
  private final String realmSuffix;

  AccountHandlers(Tenants tenants, KazooAuth auth, Schemas schemas, ObjectMapper json, String realmSuffix) {
    this.tenants = tenants;
    this.auth = auth;
    this.schemas = schemas;
    this.json = json;
    this.realmSuffix = realmSuffix;
  }

  ObjectNode view(Tenant t, boolean withApiKey) {
    ObjectNode doc = Docs.parse(json, t.document());
    doc.put("id", t.domain().uuid());
    doc.put("name", t.name());
    doc.put("realm", t.realm());
    if (!doc.has("enabled")) {
      doc.put("enabled", true);
    }
    doc.put("superduper_admin", false);
    doc.put("wnm_allow_additions", false);
    doc.put("is_reseller", false);
    doc.put("created", t.domain().createdAt().getEpochSecond() + 62_167_219_200L);
    if (withApiKey) {
      doc.put("api_key", auth.apiKey(t.domain()));
    }
    return doc;
  }

  private static String revision(Tenant t) {
    return Docs.revision(t.revision(), t.realm() + t.name() + t.document());
  }

  Reply get(Call call) {
    boolean withKey = "true".equals(call.value("include_api_key")) && call.caller().admin();
    return Reply.ok(view(call.tenant(), withKey), revision(call.tenant()));
  }

  /** PUT /v2/accounts: a sub-account of the token's own account. */
  Reply createUnderOwn(Call call) {
    if (!call.caller().admin()) {
      throw new ForbiddenException("admin only");
    }
    return create(call, call.caller().home());
  }

  Reply create(Call call) {
    return create(call, call.tenant());
  }

  private Reply create(Call call, Tenant parent) {
    ObjectNode doc = Docs.publicCopy(call.dataObject());
    normalizeRealm(doc);
    List<Violation> violations = schemas.validate("accounts", doc);
    schemas.fillDefaults("accounts", doc);
    if (!doc.has("timezone")) {
      doc.put("timezone", "America/Los_Angeles");
    }
    String realm = Docs.text(doc, "realm") != null ? Docs.text(doc, "realm") : Ids.hex(3) + "." + realmSuffix;
    String name = nameOf(doc);
    Tenant created = tenants.create(parent.domain(), name, realm, stored(doc), violations);
    return Reply.created(view(created, false), revision(created), "/v2/accounts/" + created.domain().uuid());
  }

  Reply replace(Call call) {
    return write(call, Docs.publicCopy(call.dataObject()));
  }

  Reply patch(Call call) {
    ObjectNode doc = Docs.publicCopy(view(call.tenant(), false));
    Docs.merge(doc, Docs.publicCopy(call.dataObject()));
    return write(call, doc);
  }

  private Reply write(Call call, ObjectNode doc) {
    Tenant current = call.tenant();
    normalizeRealm(doc);
    for (String computed : List.of("superduper_admin", "wnm_allow_additions", "is_reseller", "created", "api_key")) {
      doc.remove(computed);
    }
    List<Violation> violations = schemas.validate("accounts", doc);
    schemas.fillDefaults("accounts", doc);
    String realm = Docs.text(doc, "realm") != null ? Docs.text(doc, "realm") : current.realm();
    Tenant updated = tenants.update(current, nameOf(doc), realm, stored(doc), violations);
    return Reply.ok(view(updated, false), revision(updated));
  }

  Reply delete(Call call) {
    Tenant t = call.tenant();
    if (t.domain().id() == call.caller().home().domain().id()) {
      throw new ForbiddenException("an account cannot delete itself");
    }
    ObjectNode view = view(t, false);
    tenants.delete(t);
    view.putObject("_read_only").put("deleted", true);
    return Reply.ok(view);
  }

  Reply children(Call call) {
    ArrayNode rows = json.createArrayNode();
    for (Tenant child : tenants.children(call.tenant().domain())) {
      rows.addObject().put("id", child.domain().uuid()).put("name", child.name()).put("realm", child.realm());
    }
    return Reply.list(rows, new Reply.Listing(false, null, null));
  }

  Reply apiKey(Call call) {
    return Reply.ok(json.createObjectNode().put("api_key", auth.apiKey(call.tenant().domain())));
  }

  Reply regenerateApiKey(Call call) {
    return Reply.ok(json.createObjectNode().put("api_key", auth.regenerateApiKey(call.tenant().domain())));
  }

  private static void normalizeRealm(ObjectNode doc) {
    if (doc.path("realm").isTextual()) {
      doc.put("realm", doc.get("realm").asText().replace(" ", ""));
    }
  }

  private static String nameOf(ObjectNode doc) {
    return doc.path("name").isTextual() ? doc.get("name").asText() : "";
  }

  /** The document as stored: name and realm live in their columns. */
  private static String stored(ObjectNode doc) {
    ObjectNode copy = doc.deepCopy();
    copy.remove(List.of("name", "realm", "id"));
    return copy.toString();
  }
}
