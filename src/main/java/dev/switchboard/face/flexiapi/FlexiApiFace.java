package dev.switchboard.face.flexiapi;

import static dev.switchboard.face.flexiapi.ApiRole.ADMIN;
import static dev.switchboard.face.flexiapi.ApiRole.PUBLIC;
import static dev.switchboard.face.flexiapi.ApiRole.USER;

import dev.switchboard.Services;
import dev.switchboard.http.Face;
import dev.switchboard.http.FastRoute;
import java.util.Map;
import io.javalin.config.RoutesConfig;
import dev.switchboard.core.NotFoundException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The Flexisip Account Manager API (FlexiAPI) under /api. This is its route table. Order matters:
 * the fixed /api/accounts/me… paths come before the /api/accounts/{…} patterns they would match.
 */
public final class FlexiApiFace implements Face {
  private final FlexiAuth auth;
  private final AccountController accounts;
  private final PublicAccountController publicAccounts;
  private final TokenController tokens;
  private final ValidationPage validation;
  private final ProvisioningController provisioning;
  private final ContactController contacts;
  private final AccountDetailsController details;
  private final VcardController vcards;
  private final MessageController messages;
  private final DeviceController devices;
  private final StatisticsController statistics;
  private final boolean dangerousEndpoints;

  public FlexiApiFace(Services s) {
    this.auth = new FlexiAuth(s.authenticator, Errors.unauthenticatedJson(s.json));
    AccountViews views = new AccountViews(s.accounts, s.dictionary, s.accountTypes, s.actions);
    this.accounts = new AccountController(s.accounts, s.self, views, s.json, s.db.changes());
    this.publicAccounts = new PublicAccountController(s.self, views);
    this.contacts = new ContactController(s.contacts, s.accountTypes, views);
    this.details = new AccountDetailsController(s.accountTypes, s.actions, s.dictionary, views);
    this.vcards = new VcardController(s.contacts, s.db.changes());
    this.statistics = new StatisticsController(s.statistics);
    this.messages = new MessageController(s.messages);
    this.devices = new DeviceController(s.devices);
    this.tokens = new TokenController(s.tokens, s.apiKeys, s.config.publicUrl(), s.config.apiKey().expireMinutes());
    this.validation = new ValidationPage(s.tokens, s.config.accounts().validationCaptcha(), s.clock);
    this.dangerousEndpoints = s.config.app().dangerousEndpoints();
    this.provisioning = new ProvisioningController(s.provisioning, s.provisioningTokens, s.tokens, s.accounts,
        s.config.publicUrl(), s.config.provisioning().requireLinphoneHeader(), s.db.changes());
  }

  @Override
  public boolean owns(String path) {
    return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/account_creation_request_tokens/")
        || path.equals("/provisioning") || path.startsWith("/provisioning/") || path.startsWith("/contacts/");
  }

  /**
   * The GETs clients repeat most, answered before Javalin when the caller proves itself by an
   * x-api-key header or a Digest answer (FastRoute): the same bodies as the routes below, which take
   * every other case. The account's own GET also sends the digest challenges to a `from` alone.
   */
  @Override
  public Map<String, FastRoute> fastRoutes() {
    return Map.of(
        "/api/ping", request -> PONG,
        "/api/accounts/me", request -> auth.fast(request,
            caller -> new FastRoute.Answer("application/json", accounts.show(caller)), true),
        "/provisioning/me", request -> auth.fast(request, caller -> {
          byte[] xml = provisioning.me(caller, request.header("x-linphone-provisioning"), request.query());
          return xml == null ? null : new FastRoute.Answer(ProvisioningController.CONTENT_TYPE, xml);
        }, false),
        "/contacts/vcard", request -> auth.fast(request,
            caller -> new FastRoute.Answer(VcardController.CONTENT_TYPE, vcards.all(caller)), false));
  }

  private static final String PING_TYPE = "text/plain; charset=utf-8";
  private static final java.util.concurrent.CompletionStage<FastRoute.Answer> PONG = new FastRoute.Answer(PING_TYPE,
      "pong".getBytes(java.nio.charset.StandardCharsets.UTF_8)).now();

  @Override
  public void routes(RoutesConfig r) {
    r.beforeMatched("/api/*", auth::check);
    r.beforeMatched("/provisioning/me", auth::check);
    r.beforeMatched("/contacts/vcard", auth::check);
    r.beforeMatched("/contacts/vcard/*", auth::check);

    r.get("/api/ping", ctx -> ctx.contentType(PING_TYPE).result("pong"), PUBLIC);

    // Account creation (request) tokens, auth tokens, API keys
    r.post("/api/account_creation_request_tokens", tokens::createRequestToken, PUBLIC);
    r.post("/api/account_creation_tokens/send-by-push", tokens::sendByPush, PUBLIC);
    r.post("/api/account_creation_tokens/using-account-creation-request-token", tokens::creationTokenFromRequestToken, PUBLIC);
    r.post("/api/account_creation_tokens", tokens::createCreationToken, ADMIN);
    r.post("/api/accounts/auth_token", tokens::createAuthToken, PUBLIC);
    r.get("/api/accounts/auth_token/{auth_token}/attach", tokens::attachAuthToken, USER);
    r.get("/api/accounts/me/api_key/{auth_token}", tokens::apiKeyFromAuthToken, PUBLIC);
    r.get("/api/accounts/me/api_key", tokens::apiKeyForMe, USER);

    // The authenticated account
    r.get("/api/accounts/me", accounts::show, USER);
    r.delete("/api/accounts/me", accounts::deleteMe, USER);
    r.get("/api/accounts/me/provision", accounts::provisionMe, USER);
    r.post("/api/accounts/me/password", accounts::changePassword, USER);
    r.post("/api/accounts/me/email/request", accounts::requestEmailChange, USER);
    r.post("/api/accounts/me/email", accounts::confirmEmailChange, USER);
    r.post("/api/accounts/me/phone/request", accounts::requestPhoneChange, USER);
    r.post("/api/accounts/me/phone", accounts::confirmPhoneChange, USER);
    r.get("/api/accounts/me/contacts", contacts::myContacts, USER);
    r.get("/api/accounts/me/devices", devices::mine, USER);
    r.delete("/api/accounts/me/devices/{uuid}", devices::removeMine, USER);
    r.get("/api/accounts/me/contacts/{sip}", contacts::myContact, USER);

    // Public account endpoints
    r.post("/api/accounts/with-account-creation-token", publicAccounts::createWithToken, PUBLIC);
    r.post("/api/accounts/public", dangerous(publicAccounts::createPublic), PUBLIC);
    r.post("/api/accounts/recover-by-phone", dangerous(publicAccounts::recoverByPhone), PUBLIC);
    r.get("/api/accounts/{phone}/info-by-phone", dangerous(publicAccounts::infoByPhone), PUBLIC);
    r.get("/api/accounts/{sip}/recover/{recover_key}", dangerous(publicAccounts::recover), PUBLIC);
    r.get("/api/accounts/{sip}/info", publicAccounts::info, PUBLIC);
    r.post("/api/accounts/{sip}/activate/email", publicAccounts::activateByEmail, PUBLIC);
    r.post("/api/accounts/{sip}/activate/phone", publicAccounts::activateByPhone, PUBLIC);

    // Admin
    r.post("/api/accounts", accounts::create, ADMIN);
    r.get("/api/accounts", accounts::list, ADMIN);
    r.get("/api/accounts/{sip}/search", accounts::searchBySip, ADMIN);
    r.get("/api/accounts/{email}/search-by-email", accounts::searchByEmail, ADMIN);
    r.get("/api/accounts/{id}", accounts::get, ADMIN);
    r.put("/api/accounts/{id}", accounts::update, ADMIN);
    r.delete("/api/accounts/{id}", accounts::delete, ADMIN);
    r.post("/api/accounts/{id}/activate", accounts::activate, ADMIN);
    r.post("/api/accounts/{id}/deactivate", accounts::deactivate, ADMIN);
    r.post("/api/accounts/{id}/block", accounts::block, ADMIN);
    r.post("/api/accounts/{id}/unblock", accounts::unblock, ADMIN);
    r.get("/api/accounts/{id}/provision", accounts::provision, ADMIN);
    r.get("/api/accounts/{id}/devices", devices::ofAccount, ADMIN);
    r.delete("/api/accounts/{id}/devices/{uuid}", devices::removeOfAccount, ADMIN);

    // Admin: contacts, contacts lists, types, actions, dictionary
    r.get("/api/accounts/{id}/contacts", contacts::accountContacts, ADMIN);
    r.post("/api/accounts/{id}/contacts/{contact_id}", contacts::addContact, ADMIN);
    r.delete("/api/accounts/{id}/contacts/{contact_id}", contacts::removeContactOrType, ADMIN);
    r.get("/api/contacts_lists", contacts::lists, ADMIN);
    r.post("/api/contacts_lists", contacts::createList, ADMIN);
    r.get("/api/contacts_lists/{id}", contacts::list, ADMIN);
    r.put("/api/contacts_lists/{id}", contacts::updateList, ADMIN);
    r.delete("/api/contacts_lists/{id}", contacts::deleteList, ADMIN);
    r.post("/api/contacts_lists/{list_id}/contacts/{contact_id}", contacts::addToList, ADMIN);
    r.delete("/api/contacts_lists/{list_id}/contacts/{contact_id}", contacts::removeFromList, ADMIN);
    r.post("/api/accounts/{id}/contacts_lists/{list_id}", contacts::attachList, ADMIN);
    r.delete("/api/accounts/{id}/contacts_lists/{list_id}", contacts::detachList, ADMIN);
    r.get("/api/account_types", details::listTypes, ADMIN);
    r.post("/api/account_types", details::createType, ADMIN);
    r.get("/api/account_types/{id}", details::getType, ADMIN);
    r.put("/api/account_types/{id}", details::updateType, ADMIN);
    r.delete("/api/account_types/{id}", details::deleteType, ADMIN);
    r.post("/api/accounts/{id}/types/{type_id}", details::attachType, ADMIN);
    r.delete("/api/accounts/{id}/types/{type_id}", details::detachType, ADMIN);
    r.get("/api/accounts/{id}/actions", details::listActions, ADMIN);
    r.post("/api/accounts/{id}/actions", details::createAction, ADMIN);
    r.get("/api/accounts/{id}/actions/{action_id}", details::getAction, ADMIN);
    r.put("/api/accounts/{id}/actions/{action_id}", details::updateAction, ADMIN);
    r.delete("/api/accounts/{id}/actions/{action_id}", details::deleteAction, ADMIN);
    r.get("/api/accounts/{id}/dictionary", details::dictionary, ADMIN);
    r.post("/api/accounts/{id}/dictionary/{key}", details::putEntry, ADMIN);
    r.delete("/api/accounts/{id}/dictionary/{key}", details::removeEntry, ADMIN);

    // Admin: statistics announced by Flexisip, and daily counts
    r.post("/api/statistics/messages", statistics::createMessage, ADMIN);
    r.patch("/api/statistics/messages/{message_id}/to/{to}/devices/{device_id}", statistics::messageDevice, ADMIN);
    r.post("/api/statistics/calls", statistics::createCall, ADMIN);
    r.patch("/api/statistics/calls/{call_id}/devices/{device_id}", statistics::callDevice, ADMIN);
    r.patch("/api/statistics/calls/{call_id}", statistics::endCall, ADMIN);
    r.get("/api/statistics/messages/daily", statistics::dailyMessages, ADMIN);
    r.get("/api/statistics/calls/daily", statistics::dailyCalls, ADMIN);

    // Admin: SIP messages
    r.post("/api/messages", messages::send, ADMIN);

    // The authenticated account's contacts as vCard 4.0 (not under /api)
    r.get("/contacts/vcard", vcards::all, USER);
    r.get("/contacts/vcard/{sip}", vcards::one, USER);

    // Remote provisioning (Linphone XML) and its QR code
    r.get("/provisioning", provisioning::anonymous);
    r.get("/provisioning/me", provisioning::me, USER);
    r.get("/provisioning/auth_token/{auth_token}", provisioning::authToken);
    r.get("/provisioning/qrcode/{provisioning_token}", provisioning::qrcode);
    r.get("/provisioning/{provisioning_token}", provisioning::token);

    // The human step of account creation request tokens (a page, not the API)
    r.get(ValidationPage.route(), validation::show);
    r.post(ValidationPage.route(), validation::submit);
  }

  /** FlexiAPI's deprecated unsecure endpoints exist only with app.dangerous_endpoints; otherwise 404. */
  private Handler dangerous(Handler handler) {
    return ctx -> {
      if (!dangerousEndpoints) {
        throw new NotFoundException("Not Found");
      }
      handler.handle(ctx);
    };
  }

  @Override
  public void renderError(Exception e, Context ctx) {
    Errors.render(e, ctx);
  }

  @Override
  public void renderStatus(int status, Context ctx) {
    Errors.renderStatus(status, ctx);
  }
}
