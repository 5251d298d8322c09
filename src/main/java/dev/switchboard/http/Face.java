package dev.switchboard.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** An API face: the paths it owns, its routes, and how its errors look on the wire. */
public interface Face {
  /** True when a request path belongs to this face (its errors are rendered in its shape). */
  boolean owns(String path);

  void routes(RoutesConfig routes);

  /** GETs by exact path answered before Javalin when they can be ({@link FastRoute}); none by default. */
  default java.util.Map<String, FastRoute> fastRoutes() {
    return java.util.Map.of();
  }

  /** Renders any exception thrown while handling one of this face's requests. */
  void renderError(Exception e, Context ctx);

  /** Renders a status that no handler produced (404 for an unknown path, 405). */
  void renderStatus(int status, Context ctx);
}
