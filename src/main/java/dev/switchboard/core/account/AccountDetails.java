package dev.switchboard.core.account;

import java.util.List;
import java.util.Map;

/** What an account carries beside its row: credentials (by algorithm), dictionary, types, DTMF actions. */
public record AccountDetails(List<Password> passwords, Map<String, String> dictionary, List<AccountType> types,
    List<Action> actions) {}
