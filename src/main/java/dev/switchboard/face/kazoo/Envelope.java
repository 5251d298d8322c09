package dev.switchboard.face.kazoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.Ids;
import dev.switchboard.core.account.Algorithm;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Crossbar's response envelope: auth_token, status, request_id (from X-Request-ID or made here,
 * echoed as a header), node, version, timestamp, revision (also as a quoted ETag), data; listings
 * add page_size and the opaque start keys.
 */
final class Envelope {
  static final String VERSION = "4.3-switchboard";
  static final String REQUEST_ID = "kazoo.request_id";
  static final String AUTH_TOKEN = "kazoo.auth_token";

  private final ObjectMapper json;
  private final Clock clock;
  private final String node;

  Envelope(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
    this.node = nodeName();
  }

  /** Kazoo's node field: base64url of the MD5 of the node's name. */
  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(("switchboard@" + host).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(md5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request id of this request, made once and echoed as the x-request-id header. */
  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    if (id == null) {
      String given = ctx.header("X-Request-ID");
      id = given != null && !given.isBlank() && given.length() <= 255 ? given : Ids.uuid();
      ctx.attribute(REQUEST_ID, id);
      ctx.header("X-Request-ID", id);
    }
    return id;
  }

  private ObjectNode base(Context ctx, String status) {
    ObjectNode body = json.createObjectNode();
    String token = ctx.attribute(AUTH_TOKEN);
    if (token == null) {
      token = ctx.header("X-Auth-Token");
    }
    if (token != null) {
      body.put("auth_token", token);
    } else if (status.equals("error")) {
      body.put("auth_token", "undefined");
    }
    body.put("status", status);
    body.put("request_id", requestId(ctx));
    body.put("node", node);
    body.put("version", VERSION);
    body.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return body;
  }

  void success(Context ctx, Reply reply) {
    ObjectNode body = base(ctx, "success");
    if (reply.listing() != null) {
      Reply.Listing l = reply.listing();
      if (l.paginated()) {
        body.put("page_size", reply.data().size());
        if (l.startKey() != null) {
          body.put("start_key", l.startKey());
        }
        if (l.nextStartKey() != null) {
          body.put("next_start_key", l.nextStartKey());
        }
      }
    }
    String revision = reply.revision();
    if (revision == null && reply.listing() != null) {
      revision = Algorithm.MD5.hex(reply.data().toString());
    }
    if (revision != null) {
      body.put("revision", revision);
      ctx.header("ETag", "\"" + revision + "\"");
    }
    body.set("data", reply.data());
    reply.headers().forEach(ctx::header);
    ctx.status(reply.status()).contentType("application/json").result(body.toString());
  }

  void error(Context ctx, int status, String message, JsonNode data) {
    ObjectNode body = base(ctx, "error");
    body.put("error", Integer.toString(status));
    body.put("message", message);
    body.set("data", data == null ? json.createObjectNode() : data);
    ctx.status(status).contentType("application/json").result(body.toString());
  }
}
