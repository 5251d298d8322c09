package dev.switchboard.core.contact;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Action;
import java.util.List;
import java.util.Map;

/** An account's contacts with what their vCards show: type keys and DTMF actions, by contact id. */
public record ContactCards(List<Account> contacts, Map<Long, List<String>> types, Map<Long, List<Action>> actions) {
  public List<String> typesOf(Account contact) {
    return types.getOrDefault(contact.id(), List.of());
  }

  public List<Action> actionsOf(Account contact) {
    return actions.getOrDefault(contact.id(), List.of());
  }
}
