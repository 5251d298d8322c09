package dev.switchboard.core.device;

import dev.switchboard.core.domain.Domain;
import dev.switchboard.core.message.Delivery;
import dev.switchboard.core.message.OutOfDialogRequest;
import dev.switchboard.core.message.SipUac;
import dev.switchboard.core.registration.Registrations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a device hears and says over SIP: whether it is registered (its live bindings), and
 * unsolicited NOTIFYs to every contact it registered (check-sync to make a phone fetch its
 * configuration or reboot, or any event). Sending is fire-and-forget, as in Kazoo: the caller is
 * answered at once and each delivery's outcome is logged.
 */
public final class DeviceSignals {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceSignals.class);

  private final Registrations registrations;
  private final SipUac uac;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

  public DeviceSignals(Registrations registrations, SipUac uac) {
    this.registrations = registrations;
    this.uac = uac;
  }

  /** The devices (of the domain) with at least one live binding of their SIP username. */
  public List<Device> registered(Domain domain, List<Device> devices) {
    Set<String> usernames = devices.stream().map(Device::sipUsername).filter(u -> u != null)
        .collect(Collectors.toSet());
    if (usernames.isEmpty()) {
      return List.of();
    }
    Set<String> live = registrations.registered(domain.name(), usernames);
    return devices.stream().filter(d -> d.sipUsername() != null && live.contains(d.sipUsername())).toList();
  }

  /**
   * Sends a NOTIFY with {@code event} to every live contact of the device; a device without a SIP
   * username gets nothing. {@code contentType}/{@code body} may be null.
   */
  public void notify(Domain domain, Device device, String event, String contentType, String body) {
    notify(domain, device, event, contentType, body, () -> {});
  }

  /** As above, then runs {@code then} once every delivery ended (at once when nothing is sent). */
  public void notify(Domain domain, Device device, String event, String contentType, String body, Runnable then) {
    if (device.sipUsername() == null) {
      then.run();
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Event", event);
    headers.put("Subscription-State", "terminated");
    OutOfDialogRequest request = new OutOfDialogRequest("NOTIFY", device.sipUsername(), domain.name(),
        "sip:" + device.sipUsername() + "@" + domain.name(), headers, body == null ? null : contentType, body);
    // Who is registered is read now, not when the sender thread gets to it: a phone registering
    // after the request must not get a NOTIFY meant for an earlier moment.
    if (registrations.of(device.sipUsername(), domain.name()).isEmpty()) {
      LOG.info("NOTIFY {} to device {}: not registered", event, device.uuid());
      then.run();
      return;
    }
    senders.execute(() -> {
      try {
        List<Delivery> deliveries = uac.send(request);
        LOG.info("NOTIFY {} to device {}: {}", event, device.uuid(),
            deliveries.isEmpty() ? "not registered" : deliveries);
      } catch (RuntimeException e) {
        LOG.warn("NOTIFY {} to device {} failed: {}", event, device.uuid(), e.toString());
      } finally {
        then.run();
      }
    });
  }
}
