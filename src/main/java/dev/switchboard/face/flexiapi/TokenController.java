package dev.switchboard.face.flexiapi;

import dev.switchboard.auth.ApiKeys;
import dev.switchboard.core.notification.PushSender;
import dev.switchboard.core.token.TokenService;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;

/** Account creation (request) tokens, auth tokens and API keys. */
final class TokenController {
  private final TokenService tokens;
  private final ApiKeys apiKeys;
  private final String publicUrl;
  private final int apiKeyCookieSeconds;

  TokenController(TokenService tokens, ApiKeys apiKeys, String publicUrl, int apiKeyExpireMinutes) {
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.publicUrl = publicUrl;
    this.apiKeyCookieSeconds = apiKeyExpireMinutes > 0 ? apiKeyExpireMinutes * 60 : -1;
  }

  private static Map<String, Object> token(TokenService.Issued issued) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", issued.token());
    out.put("expire_at", issued.expiresAt());
    return out;
  }

  void createRequestToken(Context ctx) {
    TokenService.Issued issued = tokens.createRequestToken();
    Map<String, Object> out = token(issued);
    out.put("validation_url", publicUrl + ValidationPage.path(issued.token()));
    ctx.status(201).json(out);
  }

  void creationTokenFromRequestToken(Context ctx) {
    ctx.status(201).json(token(tokens.creationTokenFromRequestToken(
        Input.of(ctx).string("account_creation_request_token"))));
  }

  void createCreationToken(Context ctx) {
    ctx.status(201).json(token(tokens.createCreationToken()));
  }

  void sendByPush(Context ctx) {
    Input in = Input.of(ctx);
    tokens.sendCreationTokenByPush(new PushSender.Target(in.string("pn_provider"), in.string("pn_param"),
        in.string("pn_prid")));
    ctx.status(200).json(Map.of());
  }

  void createAuthToken(Context ctx) {
    ctx.status(201).json(token(tokens.createAuthToken()));
  }

  void attachAuthToken(Context ctx) {
    tokens.attachAuthToken(ctx.pathParam("auth_token"), FlexiAuth.principal(ctx).accountId());
    ctx.json(Map.of());
  }

  void apiKeyFromAuthToken(Context ctx) {
    long accountId = tokens.consumeAuthToken(ctx.pathParam("auth_token"));
    answerApiKey(ctx, apiKeys.create(accountId));
  }

  void apiKeyForMe(Context ctx) {
    answerApiKey(ctx, apiKeys.create(FlexiAuth.principal(ctx).accountId()));
  }

  private void answerApiKey(Context ctx, String key) {
    Cookie cookie = new Cookie("x-api-key", key);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.LAX);
    cookie.setSecure(publicUrl.startsWith("https:"));
    cookie.setMaxAge(apiKeyCookieSeconds);
    ctx.cookie(cookie);
    ctx.json(Map.of("api_key", key));
  }
}
