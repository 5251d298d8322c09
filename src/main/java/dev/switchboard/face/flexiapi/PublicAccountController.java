package dev.switchboard.face.flexiapi;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.SelfService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public account endpoints: sign-up with a token, info, activation, and the deprecated dangerous ones. */
final class PublicAccountController {
  private final SelfService self;
  private final AccountViews views;

  PublicAccountController(SelfService self, AccountViews views) {
    this.self = self;
    this.views = views;
  }

  private AccountJson json(Account a) {
    return views.json(a);
  }

  void createWithToken(Context ctx) {
    Input in = Input.of(ctx);
    Account created = self.createWithCreationToken(AccountController.input(in), in.string("account_creation_token"));
    ctx.status(201).json(json(created));
  }

  void createPublic(Context ctx) {
    Input in = Input.of(ctx);
    ctx.status(201).json(json(self.createPublic(AccountController.input(in), in.string("account_creation_token"))));
  }

  /** Public information: whether the account exists and is activated, nothing personal. */
  void info(Context ctx) {
    ctx.json(publicInfo(self.info(ctx.pathParam("sip"))));
  }

  void infoByPhone(Context ctx) {
    ctx.json(publicInfo(self.infoByPhone(ctx.pathParam("phone"))));
  }

  private static Map<String, Object> publicInfo(Account a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activated", a.activated());
    out.put("realm", a.realm());
    out.put("phone", a.phone() != null);
    return out;
  }

  void recoverByPhone(Context ctx) {
    Input in = Input.of(ctx);
    self.recoverByPhone(in.string("phone"), in.string("account_creation_token"));
    ctx.json(Map.of());
  }

  void recover(Context ctx) {
    ctx.json(views.json(self.recover(ctx.pathParam("sip"), ctx.pathParam("recover_key")), null, null, true));
  }

  void activateByEmail(Context ctx) {
    ctx.json(json(self.activate(ctx.pathParam("sip"), Input.of(ctx).string("confirmation_key"))));
  }

  void activateByPhone(Context ctx) {
    ctx.json(json(self.activate(ctx.pathParam("sip"), Input.of(ctx).string("confirmation_key"))));
  }
}
