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
    return json(a, accounts.details(a.id()), confirmationKey, provisioningToken, withHashes);
  }

  /** An account just written, with the secrets made for it and its details when the write returned them. */
  AccountJson json(AccountService.Issued issued) {
    AccountDetails d = issued.details() != null ? issued.details() : accounts.details(issued.account().id());
    return json(issued.account(), d, issued.confirmationKey(), issued.provisioningToken(), false);
  }

  private static AccountJson json(Account a, AccountDetails d, String confirmationKey, String provisioningToken,
      boolean withHashes) {
    return AccountJson.of(a, d.passwords(), d.dictionary(), d.types(), d.actions(), confirmationKey, provisioningToken,
        withHashes);
  }
}
