package dev.switchboard.face.flexiapi;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import io.javalin.http.Context;

/** The account endpoints of the FlexiAPI face. */
final class AccountController {
  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** GET /api/accounts/me */
  void me(Context ctx) {
    Account account = accounts.getById(FlexiAuth.principal(ctx).accountId());
    ctx.json(AccountJson.of(account, accounts.passwords(account.id())));
  }
}
