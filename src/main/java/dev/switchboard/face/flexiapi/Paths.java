package dev.switchboard.face.flexiapi;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.account.Account;
import io.javalin.http.Context;

/** What every FlexiAPI handler reads from a request: the caller, and numeric ids in the path. */
final class Paths {
  private Paths() {}

  static Account caller(Context ctx) {
    return FlexiAuth.principal(ctx).account();
  }

  /** A numeric path parameter; anything else names nothing (404). */
  static long id(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new NotFoundException("Not found");
    }
  }
}
