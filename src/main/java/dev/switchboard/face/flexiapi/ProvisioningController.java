package dev.switchboard.face.flexiapi;

import dev.switchboard.auth.Principal;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.ProvisioningTokens;
import dev.switchboard.core.token.TokenService;
import dev.switchboard.provisioning.Provisioning;
import dev.switchboard.provisioning.QrCode;
import dev.switchboard.store.Changes;
import dev.switchboard.store.ReadCache;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** /provisioning: Linphone's remote provisioning XML and its QR code. */
final class ProvisioningController {
  private final Provisioning provisioning;
  private final ProvisioningTokens provisioningTokens;
  private final TokenService tokens;
  private final AccountService accounts;
  private final String publicUrl;
  private final boolean requireHeader;
  /** Documents by account and linphonerc version, while the stored data is unchanged. */
  private final ReadCache<Rendered, byte[]> rendered;

  private record Rendered(long accountId, Object source) {}

  ProvisioningController(Provisioning provisioning, ProvisioningTokens provisioningTokens, TokenService tokens,
      AccountService accounts, String publicUrl, boolean requireHeader, Changes changes) {
    this.rendered = new ReadCache<>(changes, RENDERED_BYTES, xml -> xml.length);
    this.provisioning = provisioning;
    this.provisioningTokens = provisioningTokens;
    this.tokens = tokens;
    this.accounts = accounts;
    this.publicUrl = publicUrl;
    this.requireHeader = requireHeader;
  }

  /** GET /provisioning */
  void anonymous(Context ctx) {
    checkLinphone(ctx);
    xml(ctx, provisioning.xml(null, null));
  }

  /** GET /provisioning/me (User) */
  void me(Context ctx) {
    checkLinphone(ctx);
    ProvisioningTokens.Provisioned p = provisioningTokens.withOptionalReset(FlexiAuth.principal(ctx).accountId(),
        resetPassword(ctx));
    xml(ctx, provisioning.xml(p.account(), p.newPassword()));
  }

  /**
   * GET /provisioning/me before Javalin (FlexiApiFace.fastRoutes): without a query (reset_password
   * writes) and with the Linphone header when it is required; null hands the request to {@link #me}.
   */
  byte[] me(Principal caller, String linphoneHeader, String query) {
    if (query != null || (requireHeader && !"true".equalsIgnoreCase(linphoneHeader))) {
      return null;
    }
    return rendered.get(new Rendered(caller.accountId(), provisioning.sourceVersion()), () -> {
      ProvisioningTokens.Provisioned p = provisioningTokens.withOptionalReset(caller.accountId(), false);
      return provisioning.xml(p.account(), null);
    });
  }

  /** GET /provisioning/auth_token/{auth_token}: the attached account; the auth token is consumed. */
  void authToken(Context ctx) {
    checkLinphone(ctx);
    Account account = accounts.getById(tokens.consumeAuthToken(ctx.pathParam("auth_token")));
    ProvisioningTokens.Provisioned p = provisioningTokens.withOptionalReset(account.id(), resetPassword(ctx));
    xml(ctx, provisioning.xml(p.account(), p.newPassword()));
  }

  /** GET /provisioning/{provisioning_token}[?reset_password]: consumed, activates the account. */
  void token(Context ctx) {
    checkLinphone(ctx);
    ProvisioningTokens.Provisioned p = provisioningTokens.consume(ctx.pathParam("provisioning_token"), resetPassword(ctx));
    xml(ctx, provisioning.xml(p.account(), p.newPassword()));
  }

  /** GET /provisioning/qrcode/{provisioning_token}[?reset_password]: a PNG of the provisioning URL. */
  void qrcode(Context ctx) {
    String token = ctx.pathParam("provisioning_token");
    String url = publicUrl + "/provisioning/" + URLEncoder.encode(token, StandardCharsets.UTF_8)
        + (resetPassword(ctx) ? "?reset_password" : "");
    ctx.header("X-Qrcode-URL", url);
    ctx.contentType("image/png").result(QrCode.png(url));
  }

  private void checkLinphone(Context ctx) {
    if (requireHeader && !"true".equalsIgnoreCase(ctx.header("x-linphone-provisioning"))) {
      throw new BadRequestResponse("Provisioning is for Linphone clients (x-linphone-provisioning: true).");
    }
  }

  private static boolean resetPassword(Context ctx) {
    return ctx.queryParamMap().containsKey("reset_password");
  }

  static final String CONTENT_TYPE = "application/xml";
  private static final long RENDERED_BYTES = ReadCache.scaled(22L << 20);

  /** Exactly `application/xml` (as FlexiAPI), so the bytes are written as the declaration says: UTF-8. */
  private static void xml(Context ctx, byte[] body) {
    ctx.contentType(CONTENT_TYPE).result(body);
  }
}
