package dev.switchboard.core.message;

import dev.switchboard.core.Ids;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.SipAddress;
import dev.switchboard.core.domain.DomainService;
import java.util.List;
import java.util.Map;

/**
 * A text message over SIP (FlexiAPI's POST /messages): a MESSAGE from the calling admin's address
 * to every registered contact of the recipient, who must be in a domain the admin manages.
 */
public final class MessageService {
  /** What was sent: the Call-ID of the MESSAGE and each contact's final answer. */
  public record Sent(String id, List<Delivery> deliveries) {}

  private final SipUac uac;
  private final AccountService accounts;

  public MessageService(SipUac uac, AccountService accounts) {
    this.uac = uac;
    this.accounts = accounts;
  }

  /** Sends body to the SIP address {@code to}; ValidationException when it is not one or nobody is registered there. */
  public Sent send(Account caller, String to, String body) {
    SipAddress address = SipAddress.parse(to)
        .orElseThrow(() -> ValidationException.of("to", "The to must be a SIP address."));
    accounts.checkScope(caller, DomainService.normalize(address.domain()));
    String id = Ids.hex(16);
    List<Delivery> deliveries = uac.send(new OutOfDialogRequest("MESSAGE", address.user(), address.domain(),
        "sip:" + caller.username() + "@" + caller.domain(), Map.of("Call-ID", id), "text/plain;charset=UTF-8", body));
    if (deliveries.isEmpty()) {
      throw ValidationException.of("to", "The recipient has no registered device.");
    }
    return new Sent(id, deliveries);
  }
}
