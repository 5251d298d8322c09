package dev.switchboard.face.flexiapi;

import dev.switchboard.core.Secrets;
import dev.switchboard.core.token.TokenService;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The public page where a person validates an account creation request token (FlexiAPI's human
 * step). With accounts.validation_captcha on, it asks a small sum derived from the token; an
 * operator turns it off for tests or trusted networks. All output is HTML-escaped.
 */
final class ValidationPage {
  private static final String PREFIX = "/account_creation_request_tokens/";

  private final TokenService tokens;
  private final boolean captcha;
  private final Clock clock;

  ValidationPage(TokenService tokens, boolean captcha, Clock clock) {
    this.tokens = tokens;
    this.captcha = captcha;
    this.clock = clock;
  }

  static String path(String token) {
    return PREFIX + token + "/validate";
  }

  static String route() {
    return PREFIX + "{token}/validate";
  }

  void show(Context ctx) {
    String token = ctx.pathParam("token");
    var state = tokens.requestToken(token);
    if (state.isEmpty() || !state.get().expiresAt().isAfter(clock.instant())) {
      page(ctx, 404, "Unknown or expired request", "<p>This validation link is not valid.</p>");
      return;
    }
    if (state.get().validatedAt() != null) {
      page(ctx, 200, "Already validated", "<p>This request is validated. You can go back to your application.</p>");
      return;
    }
    StringBuilder form = new StringBuilder("<form method=\"post\" action=\"").append(escape(path(token))).append("\">");
    if (captcha) {
      int[] sum = sum(token);
      form.append("<label>How much is ").append(sum[0]).append(" + ").append(sum[1])
          .append("? <input name=\"answer\" inputmode=\"numeric\" autocomplete=\"off\" required></label> ");
    }
    form.append("<button type=\"submit\">I am a person, validate</button></form>");
    page(ctx, 200, "Validate your account creation", form.toString());
  }

  void submit(Context ctx) {
    String token = ctx.pathParam("token");
    if (captcha) {
      int[] sum = sum(token);
      if (!String.valueOf(sum[0] + sum[1]).equals(String.valueOf(ctx.formParam("answer")).trim())) {
        page(ctx, 422, "Wrong answer", "<p>That is not the right answer. <a href=\"" + escape(path(token))
            + "\">Try again</a>.</p>");
        return;
      }
    }
    if (tokens.validateRequestToken(token)) {
      page(ctx, 200, "Validated", "<p>Thank you. Go back to your application to finish creating your account.</p>");
    } else {
      page(ctx, 404, "Unknown or expired request", "<p>This validation link is not valid.</p>");
    }
  }

  /** Two numbers from 1 to 9 derived from the token, so the page needs no state. */
  private static int[] sum(String token) {
    String hash = Secrets.hash(token);
    return new int[] {Integer.parseInt(hash.substring(0, 2), 16) % 9 + 1, Integer.parseInt(hash.substring(2, 4), 16) % 9 + 1};
  }

  private static void page(Context ctx, int status, String title, String body) {
    ctx.status(status).contentType("text/html; charset=utf-8").result("<!doctype html><html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>" + escape(title)
        + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
