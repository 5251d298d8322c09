package dev.switchboard.sip;

import dev.switchboard.core.message.Delivery;
import dev.switchboard.core.message.OutOfDialogRequest;
import dev.switchboard.core.message.SipUac;
import dev.switchboard.core.message.SipUnavailableException;
import java.util.List;

/** The UAC when this server runs no SIP layer: every request is refused with the reason. */
public final class UnavailableUac implements SipUac {
  private final String reason;

  public UnavailableUac(String reason) {
    this.reason = reason;
  }

  @Override
  public List<Delivery> send(OutOfDialogRequest request) {
    throw new SipUnavailableException(reason);
  }
}
