package dev.switchboard.http;

/**
 * A GET answered before the servlet stack: Jetty's own handler calls it for one exact path. It
 * answers only the ordinary success; anything else (no or bad credentials, a blocked account, a query
 * it does not know) returns null and the request goes to the face's Javalin route, which also renders
 * every error. So a fast route must answer exactly what that route would answer for the same request.
 */
@FunctionalInterface
public interface FastRoute {
  /** The 200 answer, or null to hand the request to the ordinary route. */
  Answer answer(Request request);

  /** What a fast route may read of the request. */
  interface Request {
    /** The header's first value, or null. */
    String header(String name);

    /** The raw query string, or null when the URI has none. */
    String query();

    String remoteAddress();
  }

  /** A 200 with this body. */
  record Answer(String contentType, byte[] body) {}
}
