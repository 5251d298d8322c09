package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.Violation;
import dev.switchboard.core.device.Device;
import dev.switchboard.core.device.DeviceInput;
import dev.switchboard.core.device.DeviceService;
import dev.switchboard.core.device.DeviceSignals;
import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.domain.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * /v2/accounts/{A}/devices (cb_devices_v2): a device is a core device whose document is kept
 * whole (sip.password only sealed). Writes run Kazoo's steps: the MAC cleaned, outbound_flags
 * trimmed, a sip.realm equal to the account's dropped, the schema with its coercions and defaults,
 * then the core's uniqueness checks, all errors reported together.
 */
final class DeviceHandlers {
  private final DeviceService devices;
  private final DeviceSignals signals;
  private final Schemas schemas;
  private final ObjectMapper json;
  private final boolean usersManageAll;

  DeviceHandlers(DeviceService devices, DeviceSignals signals, Schemas schemas, ObjectMapper json,
      boolean usersManageAll) {
    this.devices = devices;
    this.signals = signals;
    this.schemas = schemas;
    this.json = json;
    this.usersManageAll = usersManageAll;
  }

  /** The public document: stored fields, the id, the password from its sealed secret. */
  ObjectNode view(Device d) {
    ObjectNode doc = Docs.parse(json, d.document());
    doc.put("id", d.uuid());
    String password = devices.password(d);
    if (password != null) {
      ObjectNode sip = doc.get("sip") instanceof ObjectNode s ? s : doc.putObject("sip");
      sip.put("password", password);
    }
    return doc;
  }

  static String revision(Device d) {
    return Docs.revision(d.revision(), d.document());
  }

  Reply list(Call call) {
    List<Listing.Item> items = new ArrayList<>();
    for (Device d : devices.inDomain(call.tenant().domain().id())) {
      ObjectNode doc = Docs.parse(json, d.document());
      doc.put("id", d.uuid());
      ObjectNode row = row(json.createObjectNode(), d, doc, true);
      items.add(new Listing.Item(d.uuid(), doc, d.createdAt(), d.updatedAt(), row));
    }
    return Listing.page(call, items, json);
  }

  /**
   * A device's listing row: crossbar_listing's ({@code full}), or listing_by_owner's, which lacks
   * username, mobile and flags (the user's devices).
   */
  static ObjectNode row(ObjectNode row, Device d, JsonNode doc, boolean full) {
    row.put("id", d.uuid());
    row.put("name", d.name());
    if (full && d.sipUsername() != null) {
      row.put("username", d.sipUsername());
    }
    row.put("mac_address", d.mac() == null ? "" : d.mac());
    if (doc.has("owner_id")) {
      row.set("owner_id", doc.get("owner_id"));
    }
    row.put("enabled", d.enabled());
    row.put("device_type", d.deviceType() == null ? "sip_device" : d.deviceType());
    for (String k : full ? List.of("mobile", "call_recording") : List.of("call_recording")) {
      if (doc.has(k)) {
        row.set(k, doc.get(k));
      }
    }
    if (full) {
      if (doc.has("flags")) {
        row.set("flags", doc.get("flags"));
      } else {
        row.putArray("flags");
      }
    }
    return row;
  }

  /** The SIP password is shown to admins, API-key tokens and the owner: anyone else could register as it. */
  Reply get(Call call) {
    Device d = device(call);
    ObjectNode doc = view(d);
    Caller c = call.caller();
    boolean owner = c.user() != null && c.user().uuid().equals(d.ownerUuid());
    if (!c.admin() && !owner && doc.get("sip") instanceof ObjectNode sip) {
      sip.remove("password");
    }
    return Reply.ok(doc, revision(d));
  }

  Reply create(Call call) {
    ObjectNode data = call.dataObject();
    Tenant tenant = call.tenant();
    ObjectNode doc = Docs.publicCopy(data);
    List<Violation> violations = new ArrayList<>();
    String id = null;
    if (data.has("id")) {
      String given = data.get("id").asText();
      if (given.matches("[0-9a-f]{32}")) {
        id = given;
      } else {
        violations.add(Violation.of("id", "invalid", "Document id must be 32 lowercase hexadecimal digits", given));
      }
    }
    prepare(doc, tenant, violations);
    DeviceInput in = input(doc);
    DeviceService.checkMayChange(call.caller().user(), call.caller().admin(), usersManageAll, in.ownerUuid());
    Device created = devices.create(tenant.domain(), id, in, violations);
    return Reply.created(view(created), revision(created),
        "/v2/accounts/" + tenant.domain().uuid() + "/devices/" + created.uuid());
  }

  /** POST replaces (see {@link #writeAndSync}). */
  Reply replace(Call call) {
    Device current = device(call);
    return writeAndSync(call, current, Docs.publicCopy(call.dataObject()));
  }

  /**
   * With sync true (read as Kazoo reads a request value: from data, else the query string, else
   * the envelope), a check-sync follows when the SIP credentials changed, sent through the
   * bindings of the old credentials, which go only after it.
   */
  private Reply writeAndSync(Call call, Device current, ObjectNode doc) {
    boolean sync = "true".equals(call.value("sync"));
    doc.remove("sync");
    String before = credentials(view(current));
    Reply reply = write(call, current, doc, sync);
    if (sync && !before.equals(credentials(reply.data()))) {
      Domain domain = call.tenant().domain();
      signals.notify(domain, current, checkSyncEvent(call, reply.data()), null, null,
          () -> devices.unbind(domain, current));
    }
    return reply;
  }

  private static String credentials(JsonNode doc) {
    return Docs.at(doc, "sip.username").toString() + '\n' + Docs.at(doc, "sip.password").toString();
  }

  /** GET /devices/status: the devices with a live registration. */
  Reply status(Call call) {
    ArrayNode rows = json.createArrayNode();
    for (Device d : signals.registered(call.tenant().domain(), devices.inDomain(call.tenant().domain().id()))) {
      rows.addObject().put("device_id", d.uuid()).put("registered", true);
    }
    return Reply.ok(rows);
  }

  /** POST /devices/{D}/sync: check-sync to every contact; "sync request sent" even when none is registered. */
  Reply sync(Call call) {
    Device d = device(call);
    DeviceService.checkMayChange(call.caller().user(), call.caller().admin(), usersManageAll, d.ownerUuid());
    signals.notify(call.tenant().domain(), d, checkSyncEvent(call, view(d)), null, null);
    return Reply.text("sync request sent");
  }

  /**
   * PUT /devices/{D} with an action: "notify" sends a NOTIFY with data.data.event (the schema's
   * nested form) or data.event (the documented flat form), with an optional data.data.body.
   */
  Reply action(Call call) {
    Device d = device(call);
    String action = call.value("action");
    if (action == null) {
      throw new KazooException(400, "action required", json.createObjectNode());
    }
    if (!action.equals("notify")) {
      throw new KazooException(400, "invalid action", json.createObjectNode());
    }
    DeviceService.checkMayChange(call.caller().user(), call.caller().admin(), usersManageAll, d.ownerUuid());
    ObjectNode data = call.dataObject().deepCopy();
    data.remove("action");
    if (data.path("event").isTextual() && !data.has("data")) {
      ObjectNode nested = json.createObjectNode();
      nested.set("event", data.remove("event"));
      if (data.has("body")) {
        nested.set("body", data.remove("body"));
      }
      data.set("data", nested);
    }
    AuthHandlers.check(schemas.validate("devices_notify", data));
    JsonNode notify = data.get("data");
    JsonNode body = notify.path("body");
    signals.notify(call.tenant().domain(), d, notify.get("event").asText(),
        body.path("content_type").isTextual() ? body.get("content_type").asText() : "text/plain",
        body.path("data").isTextual() ? body.get("data").asText() : null);
    // Nothing in Crossbar sets 202: a PUT that succeeds is a 201, as cowboy answers it.
    return Reply.created(json.getNodeFactory().textNode("NOTIFY sent"), null, null);
  }

  /** provision.check_sync_event or check-sync; ?reboot=true|false adds Kazoo's reboot parameter. */
  private static String checkSyncEvent(Call call, JsonNode doc) {
    String event = Docs.text(doc, "provision.check_sync_event") != null ? Docs.text(doc, "provision.check_sync_event")
        : "check-sync";
    String reboot = call.ctx().queryParam("reboot");
    if ("true".equals(reboot) || "false".equals(reboot)) {
      event = event + ";reboot=" + reboot;
    }
    return event;
  }

  Reply patch(Call call) {
    Device current = device(call);
    ObjectNode doc = Docs.publicCopy(view(current));
    Docs.merge(doc, Docs.publicCopy(call.dataObject()));
    return writeAndSync(call, current, doc);
  }

  private Reply write(Call call, Device current, ObjectNode doc, boolean keepBindings) {
    List<Violation> violations = new ArrayList<>();
    prepare(doc, call.tenant(), violations);
    DeviceInput in = input(doc);
    // Only a super admin changes a device's type (Kazoo's rule); dropping it on a replace is allowed.
    if (in.deviceType() != null && current.deviceType() != null && !in.deviceType().equals(current.deviceType())
        && !call.caller().superAdmin()) {
      violations.add(Violation.of("device_type", "invalid", "Not authorized to change type of device", in.deviceType()));
    }
    DeviceService.checkMayChange(call.caller().user(), call.caller().admin(), usersManageAll, current.ownerUuid(),
        in.ownerUuid());
    Device updated = devices.replace(call.tenant().domain(), current, in, violations, keepBindings);
    return Reply.ok(view(updated), revision(updated));
  }

  Reply delete(Call call) {
    Device current = device(call);
    DeviceService.checkMayChange(call.caller().user(), call.caller().admin(), usersManageAll, current.ownerUuid());
    ObjectNode v = view(current);
    devices.delete(call.tenant().domain(), current);
    v.putObject("_read_only").put("deleted", true);
    return Reply.ok(v);
  }

  /** Kazoo's steps before the schema, then the schema with coercions and defaults. */
  private void prepare(ObjectNode doc, Tenant tenant, List<Violation> violations) {
    if (doc.path("mac_address").isTextual()) {
      doc.put("mac_address", doc.get("mac_address").asText().toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", ""));
    }
    if (doc.has("outbound_flags")) {
      JsonNode flags = doc.get("outbound_flags");
      if (flags.isArray()) {
        ArrayNode trimmed = json.createArrayNode();
        flags.forEach(f -> trimmed.add(f.isTextual() ? json.getNodeFactory().textNode(f.asText().trim()) : f));
        doc.set("outbound_flags", trimmed);
      } else if (!flags.isObject()) {
        doc.set("outbound_flags", json.createArrayNode());
      }
    }
    if (doc.get("sip") instanceof ObjectNode sip && sip.path("realm").isTextual()
        && sip.get("realm").asText().equalsIgnoreCase(tenant.realm())) {
      sip.remove("realm");
    }
    violations.addAll(schemas.validate("devices", doc));
    schemas.fillDefaults("devices", doc);
  }

  /** The indexed fields; the stored document keeps everything but the password. */
  private static DeviceInput input(ObjectNode doc) {
    String password = Docs.text(doc, "sip.password");
    ObjectNode stored = doc.deepCopy();
    if (stored.get("sip") instanceof ObjectNode sip) {
      sip.remove("password");
    }
    String owner = Docs.text(doc, "owner_id");
    return new DeviceInput(Objects.requireNonNullElse(Docs.text(doc, "name"), ""), Docs.text(doc, "device_type"),
        owner, Docs.text(doc, "mac_address"), Docs.text(doc, "sip.username"), password,
        !doc.path("enabled").isBoolean() || doc.get("enabled").asBoolean(), stored.toString());
  }

  private Device device(Call call) {
    String id = call.path("device_id");
    try {
      return devices.get(call.tenant().domain().id(), id);
    } catch (dev.switchboard.core.NotFoundException e) {
      throw KazooException.badIdentifier(id);
    }
  }
}
