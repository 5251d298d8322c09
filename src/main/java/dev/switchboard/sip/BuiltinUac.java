package dev.switchboard.sip;

import dev.switchboard.core.Ids;
import dev.switchboard.core.message.Delivery;
import dev.switchboard.core.message.OutOfDialogRequest;
import dev.switchboard.core.message.SipUac;
import dev.switchboard.core.message.SipUnavailableException;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.Registrations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Out-of-dialog MESSAGE and NOTIFY from the built-in stack: one non-INVITE client transaction per
 * live binding of the (alias-resolved) AOR, sent to the binding's received address when it was
 * behind NAT, else to its contact, or through sip.outbound_proxy (a Route header) when one is set;
 * over the contact's transport, reusing the TCP connection it registered on. A Call-ID in the
 * request's headers is used as given (so a face can report it), else one is made.
 */
final class BuiltinUac implements SipUac {
  private static final Logger LOG = LoggerFactory.getLogger(BuiltinUac.class);

  private final Registrations registrations;
  private final SipServer server;
  private final SipUri proxy;
  private final ClientTransaction.Timers timers;
  private final Map<String, BlockingQueue<SipMessage>> pending = new ConcurrentHashMap<>();

  BuiltinUac(Registrations registrations, SipServer server, SipUri proxy, ClientTransaction.Timers timers) {
    this.registrations = registrations;
    this.server = server;
    this.proxy = proxy;
    this.timers = timers;
    server.onResponses(this::onResponse);
  }

  private void onResponse(SipMessage response) {
    List<String> vias = response.values("Via");
    if (vias.isEmpty()) {
      return;
    }
    try {
      BlockingQueue<SipMessage> q = pending.get(Via.parse(vias.getFirst()).branch());
      if (q != null) {
        q.add(response);
      }
    } catch (SipParseException e) {
      // not a response to us
    }
  }

  @Override
  public List<Delivery> send(OutOfDialogRequest request) {
    if (!server.running()) {
      throw new SipUnavailableException("the SIP listeners are not running in this process");
    }
    List<Binding> bindings = registrations.of(request.username(), request.domain());
    String callId = request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Call-ID"))
        .map(Map.Entry::getValue).findFirst().orElse(Ids.hex(16) + "@" + server.advertisedHost());
    try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Delivery>> futures = new ArrayList<>();
      for (Binding b : bindings) {
        futures.add(each.submit(() -> deliver(request, b, callId)));
      }
      List<Delivery> out = new ArrayList<>();
      for (Future<Delivery> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SipUnavailableException("interrupted while sending");
        }
      }
      return out;
    }
  }

  private Delivery deliver(OutOfDialogRequest r, Binding b, String callId) throws InterruptedException {
    SipUri next;
    try {
      next = proxy != null ? proxy : SipUri.parse(b.received() != null ? b.received() : b.contact());
    } catch (SipParseException e) {
      return new Delivery(b.contact(), 503, "Unusable contact");
    }
    String transport = next.transport();
    if (!transport.equals("UDP") && !transport.equals("TCP")) {
      return new Delivery(b.contact(), 503, "Unsupported transport " + transport);
    }
    Peer peer;
    try {
      String host = next.host().startsWith("[") ? next.host().substring(1, next.host().length() - 1) : next.host();
      peer = server.peerFor(transport, new InetSocketAddress(InetAddress.getByName(host), next.portOrDefault()));
    } catch (IOException e) {
      return new Delivery(b.contact(), 503, "Unreachable: " + e.getMessage());
    }
    String branch = Via.COOKIE + Ids.hex(12);
    byte[] wire = request(r, b, callId, branch, transport).encode();
    BlockingQueue<SipMessage> responses = new LinkedBlockingQueue<>();
    pending.put(branch, responses);
    try {
      ClientTransaction tx = new ClientTransaction(peer.reliable(), timers, System.currentTimeMillis());
      server.send(peer, wire);
      while (true) {
        long wait = tx.nextDeadline() - System.currentTimeMillis();
        SipMessage response = responses.poll(Math.max(1, wait), TimeUnit.MILLISECONDS);
        long now = System.currentTimeMillis();
        if (response != null) {
          if (tx.onResponse(response.status(), now) == ClientTransaction.Action.FINAL) {
            return new Delivery(b.contact(), response.status(), response.reason());
          }
          continue;
        }
        switch (tx.onTimer(now)) {
          case RETRANSMIT -> server.send(peer, wire);
          case TIMEOUT -> {
            return new Delivery(b.contact(), 408, "Request Timeout");
          }
          default -> { }
        }
      }
    } finally {
      // Late retransmissions of the final response now match nothing and are dropped: the
      // absorption Timer K asks for.
      pending.remove(branch);
      LOG.debug("{} to {} done", r.method(), b.contact());
    }
  }

  private SipMessage request(OutOfDialogRequest r, Binding b, String callId, String branch, String transport) {
    String host = server.advertisedHost() + ":" + server.port();
    List<SipMessage.Header> h = new ArrayList<>();
    h.add(new SipMessage.Header("Via", "SIP/2.0/" + transport + " " + host + ";branch=" + branch + ";rport"));
    h.add(new SipMessage.Header("Max-Forwards", "70"));
    if (proxy != null) {
      h.add(new SipMessage.Header("Route", "<" + proxy.text() + ";lr>"));
    } else if (b.path() != null) {
      h.add(new SipMessage.Header("Route", b.path()));
    }
    h.add(new SipMessage.Header("From", "<" + r.from() + ">;tag=" + Ids.hex(6)));
    h.add(new SipMessage.Header("To", "<sip:" + r.username() + "@" + r.domain() + ">"));
    h.add(new SipMessage.Header("Call-ID", callId));
    h.add(new SipMessage.Header("CSeq", "1 " + r.method()));
    String fromUser = r.from().replaceFirst("^sips?:", "").replaceFirst("@.*$", "");
    h.add(new SipMessage.Header("Contact", "<sip:" + fromUser + "@" + host + ">"));
    r.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Call-ID")) {
        h.add(new SipMessage.Header(name, value));
      }
    });
    h.add(new SipMessage.Header("User-Agent", Responses.SERVER));
    byte[] body = r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8);
    if (body != null && r.contentType() != null) {
      h.add(new SipMessage.Header("Content-Type", r.contentType()));
    }
    return SipMessage.request(r.method(), b.contact(), h, body);
  }
}
