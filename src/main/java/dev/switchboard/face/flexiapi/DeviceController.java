package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.DeviceRegistrations;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered devices of an account, read from its live SIP bindings. As FlexiAPI does, the
 * list is a JSON object keyed by device uuid ({} when none).
 */
final class DeviceController {
  private final DeviceRegistrations devices;

  DeviceController(DeviceRegistrations devices) {
    this.devices = devices;
  }

  record DeviceJson(String uuid, String contact, @JsonProperty("user_agent") String userAgent,
      @JsonProperty("expires_at") Instant expiresAt, @JsonProperty("updated_at") Instant updatedAt) {}

  private static Map<String, DeviceJson> json(List<Binding> bindings) {
    Map<String, DeviceJson> out = new LinkedHashMap<>();
    for (Binding b : bindings) {
      String uuid = DeviceRegistrations.uuid(b);
      out.putIfAbsent(uuid, new DeviceJson(uuid, b.contact(), b.userAgent(), b.expires(), b.lastModified()));
    }
    return out;
  }

  void mine(Context ctx) {
    ctx.json(json(devices.of(Paths.caller(ctx))));
  }

  void removeMine(Context ctx) {
    devices.remove(Paths.caller(ctx), ctx.pathParam("uuid"));
    ctx.json(Map.of());
  }

  void ofAccount(Context ctx) {
    ctx.json(json(devices.of(Paths.caller(ctx), Paths.id(ctx, "id"))));
  }

  void removeOfAccount(Context ctx) {
    devices.remove(Paths.caller(ctx), Paths.id(ctx, "id"), ctx.pathParam("uuid"));
    ctx.json(Map.of());
  }
}
