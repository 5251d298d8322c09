package dev.switchboard.core.notification;

import java.util.Map;

/** Sends a push notification to one device, now: the caller needs the result. */
public interface PushSender {
  /** A device as Linphone describes it: provider (fcm, apns, apns.dev), its parameter, the device token. */
  record Target(String provider, String param, String prid) {}

  /** Thrown when the push could not be handed to the provider. */
  final class PushFailedException extends Exception {
    public PushFailedException(String message) {
      super(message);
    }
  }

  void send(Target target, Map<String, String> data) throws PushFailedException;

  /** True when this provider is configured. */
  boolean supports(String provider);
}
