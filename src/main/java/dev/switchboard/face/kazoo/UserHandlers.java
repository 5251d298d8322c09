package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.ForbiddenException;
import dev.switchboard.core.Violation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.KazooUser;
import dev.switchboard.core.account.KazooUsers;
import dev.switchboard.core.device.Device;
import dev.switchboard.core.device.DeviceService;
import java.util.List;
import java.util.Locale;

/**
 * /v2/accounts/{A}/users: a Kazoo user is an account of the domain (a FlexiAPI account shows up
 * here, a user made here is a FlexiAPI account). Columns hold username (the login), email,
 * first/last name (as the display name), priv_level (the role) and enabled; the password becomes
 * HA1s and login digests; every other key is kept in the user document.
 */
final class UserHandlers {
  private static final List<String> COLUMNS = List.of("id", "username", "email", "priv_level", "enabled", "password");

  private final KazooUsers users;
  private final DeviceService devices;
  private final Schemas schemas;
  private final ObjectMapper json;

  UserHandlers(KazooUsers users, DeviceService devices, Schemas schemas, ObjectMapper json) {
    this.users = users;
    this.devices = devices;
    this.schemas = schemas;
    this.json = json;
  }

  ObjectNode view(KazooUser u) {
    Account a = u.account();
    ObjectNode doc = Docs.parse(json, u.document());
    schemas.fillDefaults("users", doc);
    doc.put("id", a.uuid());
    doc.put("username", u.login());
    String display = a.displayName() == null ? "" : a.displayName().trim();
    String first = Docs.text(doc, "first_name");
    String last = Docs.text(doc, "last_name");
    if (first == null || last == null || !(first + " " + last).trim().equals(display)) {
      int space = display.indexOf(' ');
      doc.put("first_name", display.isEmpty() ? a.username() : space < 0 ? display : display.substring(0, space));
      doc.put("last_name", space < 0 ? "" : display.substring(space + 1));
    }
    if (a.email() != null) {
      doc.put("email", a.email());
    } else {
      doc.remove("email");
    }
    doc.put("priv_level", a.role().isAdmin() ? "admin" : "user");
    doc.put("enabled", a.activated() && !a.blocked());
    return doc;
  }

  private static String revision(KazooUser u) {
    Account a = u.account();
    return Docs.revision(u.revision(), u.document() + a.updatedAt() + a.email() + a.displayName());
  }

  Reply list(Call call) {
    ArrayNode rows = json.createArrayNode();
    for (KazooUser u : users.inDomain(call.tenant().domain().id())) {
      ObjectNode v = view(u);
      ObjectNode row = rows.addObject();
      for (String k : List.of("id", "username", "email", "first_name", "last_name", "priv_level", "features",
          "presence_id", "timezone", "call_recording", "flags")) {
        if (v.has(k)) {
          row.set(k, v.get(k));
        }
      }
    }
    return Reply.list(rows, new Reply.Listing(false, null, null));
  }

  Reply get(Call call) {
    KazooUser u = users.get(call.tenant().domain().id(), call.path("user_id"));
    return Reply.ok(view(u), revision(u));
  }

  Reply create(Call call) {
    ObjectNode doc = Docs.publicCopy(call.dataObject());
    lowerUsername(doc);
    List<Violation> violations = schemas.validate("users", doc);
    schemas.fillDefaults("users", doc);
    KazooUser created = users.create(call.tenant().domain(), input(doc, null, true), violations,
        call.caller().superAdmin());
    return Reply.created(view(created), revision(created),
        "/v2/accounts/" + call.tenant().domain().uuid() + "/users/" + created.account().uuid());
  }

  Reply replace(Call call) {
    KazooUser current = mine(call);
    return write(call, current, Docs.publicCopy(call.dataObject()));
  }

  Reply patch(Call call) {
    KazooUser current = mine(call);
    ObjectNode doc = Docs.publicCopy(view(current));
    Docs.merge(doc, Docs.publicCopy(call.dataObject()));
    return write(call, current, doc);
  }

  private Reply write(Call call, KazooUser current, ObjectNode doc) {
    lowerUsername(doc);
    List<Violation> violations = schemas.validate("users", doc);
    schemas.fillDefaults("users", doc);
    KazooUsers.Input in = input(doc, current, call.caller().admin());
    KazooUser updated = users.update(current, in, violations, call.caller().superAdmin());
    return Reply.ok(view(updated), revision(updated));
  }

  Reply delete(Call call) {
    KazooUser u = users.get(call.tenant().domain().id(), call.path("user_id"));
    ObjectNode v = view(u);
    users.delete(u, call.caller().superAdmin());
    v.putObject("_read_only").put("deleted", true);
    return Reply.ok(v);
  }

  /** GET /users/{U}/devices: devices owned by U or hotdesked to U. */
  Reply devices(Call call) {
    KazooUser u = users.get(call.tenant().domain().id(), call.path("user_id"));
    String id = u.account().uuid();
    ArrayNode rows = json.createArrayNode();
    for (Device d : devices.inDomain(call.tenant().domain().id())) {
      JsonNode doc = Docs.parse(json, d.document());
      boolean owned = id.equals(d.ownerUuid()) || id.equals(Docs.text(doc, "owner_id"));
      boolean hotdesked = doc.path("hotdesk").path("users").has(id);
      if (!owned && !hotdesked) {
        continue;
      }
      DeviceHandlers.row(rows.addObject(), d, doc, false).put("hotdesked", !owned);
    }
    return Reply.list(rows, new Reply.Listing(false, null, null));
  }

  /** The user in the URL, when the caller may change it: an admin, or the user itself. */
  private KazooUser mine(Call call) {
    KazooUser u = users.get(call.tenant().domain().id(), call.path("user_id"));
    Caller c = call.caller();
    if (!c.admin() && (c.user() == null || c.user().id() != u.account().id())) {
      throw new ForbiddenException("users change only themselves");
    }
    return u;
  }

  /** What the core keeps in columns; a non-admin keeps its own role and state. */
  private static KazooUsers.Input input(ObjectNode doc, KazooUser current, boolean admin) {
    String first = Docs.text(doc, "first_name");
    String last = Docs.text(doc, "last_name");
    String display = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    boolean wantsAdmin = "admin".equals(Docs.text(doc, "priv_level"));
    boolean enabled = !doc.path("enabled").isBoolean() || doc.get("enabled").asBoolean();
    if (current != null && !admin) {
      wantsAdmin = current.account().role().isAdmin();
      enabled = current.account().activated() && !current.account().blocked();
    }
    ObjectNode stored = doc.deepCopy();
    stored.remove(COLUMNS);
    return new KazooUsers.Input(Docs.text(doc, "username"), Docs.text(doc, "password"), display.isEmpty() ? null : display,
        Docs.text(doc, "email"), wantsAdmin, enabled, stored.toString());
  }

  private static void lowerUsername(ObjectNode doc) {
    if (doc.path("username").isTextual()) {
      doc.put("username", doc.get("username").asText().toLowerCase(Locale.ROOT));
    }
  }
}
