package dev.switchboard.face.flexiapi;

import static dev.switchboard.face.flexiapi.ApiRole.PUBLIC;
import static dev.switchboard.face.flexiapi.ApiRole.USER;

import dev.switchboard.Services;
import dev.switchboard.http.Face;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The Flexisip Account Manager API (FlexiAPI) under /api. This is its route table. */
public final class FlexiApiFace implements Face {
  private final FlexiAuth auth;
  private final AccountController accounts;

  public FlexiApiFace(Services services) {
    this.auth = new FlexiAuth(services.authenticator);
    this.accounts = new AccountController(services.accounts);
  }

  @Override
  public boolean owns(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  @Override
  public void routes(RoutesConfig r) {
    r.beforeMatched("/api/*", auth::check);

    r.get("/api/ping", ctx -> ctx.contentType("text/plain; charset=utf-8").result("pong"), PUBLIC);
    r.get("/api/accounts/me", accounts::me, USER);
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
