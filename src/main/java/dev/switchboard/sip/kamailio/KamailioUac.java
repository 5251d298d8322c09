package dev.switchboard.sip.kamailio;

import dev.switchboard.config.Config;
import dev.switchboard.core.message.Delivery;
import dev.switchboard.core.message.OutOfDialogRequest;
import dev.switchboard.core.message.SipUac;
import dev.switchboard.core.message.SipUnavailableException;
import dev.switchboard.core.registration.Registrations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESSAGE and NOTIFY in `sip.mode: kamailio`: Switchboard has no SIP socket, so each request is
 * handed to Kamailio's tm.t_uac_wait_block over JSON-RPC with the address of record as
 * Request-URI and Kamailio itself as next hop. The request loops through Kamailio's request_route
 * (alias_db, lookup("location"), t_relay), so NAT, Path, sockets and parallel forking to every
 * contact are Kamailio's; the RPC returns the best final response of that fork. The answer thus
 * holds one delivery, for the AOR, or none when the AOR has no live binding in `location`.
 */
public final class KamailioUac implements SipUac {
  private static final Logger LOG = LoggerFactory.getLogger(KamailioUac.class);

  private final KamailioRpc rpc;
  private final String nextHop;
  private final Registrations registrations;

  /**
   * @param nextHop Kamailio's own SIP address (sip:ip:port) the request is looped through
   */
  public KamailioUac(KamailioRpc rpc, String nextHop, Registrations registrations) {
    this.rpc = rpc;
    this.nextHop = nextHop;
    this.registrations = registrations;
  }

  /** kamailio.rpc_url and its timeout; sip.host:sip.port (0.0.0.0: loopback) is Kamailio's listener. */
  public static KamailioUac of(Config config, Registrations registrations) {
    URI url = KamailioCfg.rpcUrl(config);
    String host = config.sip().host();
    if (host == null || host.isBlank() || host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    } else if (host.equals("::") || host.equals("[::]")) {
      host = "[::1]";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return new KamailioUac(new KamailioRpc(url, Duration.ofSeconds(config.kamailio().rpcTimeoutSeconds())),
        "sip:" + host + ":" + config.sip().port(), registrations);
  }

  @Override
  public List<Delivery> send(OutOfDialogRequest request) {
    String user = request.username();
    String domain = request.domain().toLowerCase(Locale.ROOT);
    // Registrations resolves aliases as Kamailio's alias_db does: no live binding, nothing to send.
    if (registrations.of(user, domain).isEmpty()) {
      return List.of();
    }
    String aor = "sip:" + user + "@" + domain;
    List<Object> params = new ArrayList<>(List.of(request.method(), aor, nextHop, ".", headers(request, aor)));
    if (request.body() != null) {
      params.add(request.body());
    }
    try {
      KamailioRpc.Reply reply = rpc.call("tm.t_uac_wait_block", params);
      return List.of(new Delivery(aor, reply.code(), reply.text()));
    } catch (KamailioRpc.Timeout e) {
      LOG.warn("{} to {}: {}", request.method(), aor, e.getMessage());
      return List.of(new Delivery(aor, 408, e.getMessage()));
    } catch (KamailioRpc.Unavailable e) {
      LOG.warn("{} to {} not sent: {}", request.method(), aor, e.getMessage());
      throw new SipUnavailableException(e.getMessage());
    }
  }

  /** From (tm adds the tag), To, then the request's own headers and Content-Type, CRLF-terminated. */
  static String headers(OutOfDialogRequest request, String aor) {
    StringBuilder h = new StringBuilder();
    h.append("From: <").append(request.from()).append(">\r\n");
    h.append("To: <").append(aor).append(">\r\n");
    if (request.headers() != null) {
      for (Map.Entry<String, String> e : request.headers().entrySet()) {
        h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
      }
    }
    if (request.contentType() != null) {
      h.append("Content-Type: ").append(request.contentType()).append("\r\n");
    }
    return h.toString();
  }
}
