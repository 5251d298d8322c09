package dev.switchboard.face.flexiapi;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountDetails;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.AccountTypeService;
import dev.switchboard.core.account.ActionService;
import dev.switchboard.core.account.DictionaryService;

/** Gathers what the FlexiAPI account JSON shows beside the account row. */
final class AccountViews {
  private final AccountService accounts;
  private final DictionaryService dictionary;
  private final AccountTypeService types;
  private final ActionService actions;

  AccountViews(AccountService accounts, DictionaryService dictionary, AccountTypeService types, ActionService actions) {
    this.accounts = accounts;
    this.dictionary = dictionary;
    this.types = types;
    this.actions = actions;
  }

  AccountJson json(Account a) {
    return json(a, null, null, false);
  }

  AccountJson json(Account a, String confirmationKey, String provisioningToken, boolean withHashes) {
    AccountDetails d = accounts.details(a.id());
    return AccountJson.of(a, d.passwords(), d.dictionary(), d.types(), d.actions(), confirmationKey, provisioningToken,
        withHashes);
  }
}
