package dev.switchboard.face.hermes;

import dev.switchboard.auth.HermesAuth;
import io.javalin.http.Context;
import java.util.Map;

/** One Hermes node/verb: the access it needs and what it does. */
record Node(HermesAuth.Access access, Handler handler) {
  /** Handles a request from an authenticated caller; returns the JSON answer (null when it wrote its own). */
  @FunctionalInterface
  interface Handler {
    Map<String, Object> handle(Params p, HermesAuth.Caller caller, Context ctx);
  }
}
