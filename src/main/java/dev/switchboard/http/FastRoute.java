package dev.switchboard.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A GET answered before the servlet stack: Jetty's own handler calls it for one exact path. It
 * answers only the ordinary success, and the challenge a face sends a caller that names itself
 * without credentials; anything else (bad credentials, a blocked account, a query it does not know)
 * completes with null ({@link #DECLINED}) and the request goes to the face's Javalin route, which
 * also renders every error. So a fast route must answer exactly what that route would answer for the
 * same request.
 *
 * <p>The answer may complete later, when it waits for a write it queued (a digest nonce's use on
 * PostgreSQL), on the thread that completes that write: the selector goes on meanwhile.
 */
@FunctionalInterface
public interface FastRoute {
  /** Declines: the ordinary route answers. */
  CompletionStage<Answer> DECLINED = CompletableFuture.completedFuture(null);

  /** The answer; null hands the request to the ordinary route, and so does a stage that fails. */
  CompletionStage<Answer> answer(Request request);

  /** What a fast route may read of the request. */
  interface Request {
    /** The header's first value, or null. */
    String header(String name);

    /** The path, as the request has it (not decoded). */
    String path();

    /** The raw query string, or null when the URI has none. */
    String query();

    String remoteAddress();
  }

  record Header(String name, String value) {}

  /** A response: status, body and the headers beside Content-Type and Content-Length. */
  record Answer(int status, String contentType, byte[] body, List<Header> headers) {
    /** A 200 with this body. */
    public Answer(String contentType, byte[] body) {
      this(200, contentType, body, List.of());
    }

    public CompletionStage<Answer> now() {
      return CompletableFuture.completedFuture(this);
    }
  }
}
