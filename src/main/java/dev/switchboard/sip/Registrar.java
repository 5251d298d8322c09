package dev.switchboard.sip;

import dev.switchboard.auth.DigestHeader;
import dev.switchboard.auth.LoginLimiter;
import dev.switchboard.auth.RateLimitedException;
import dev.switchboard.core.account.Algorithm;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.RegisterRequest;
import dev.switchboard.core.registration.RegisterResult;
import dev.switchboard.core.registration.RegistrationService;
import dev.switchboard.core.registration.SipCredential;
import dev.switchboard.core.registration.SipCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * REGISTER (RFC 3261 §10.3). The realm is the To domain. A request without credentials, with an
 * unknown user, a wrong password or a nonce that is not ours gets the same 401 and a fresh
 * challenge, so nothing tells a prober which usernames exist; each such failure counts against the
 * source address, which gets 403 for sip.block_seconds once it reaches sip.max_failures. A right
 * response on an expired nonce is challenged again with stale=true. A blocked or deactivated
 * account, or a disabled device, gets 403 once authenticated.
 */
final class Registrar implements Handler {
  private static final DateTimeFormatter RFC1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final SipCredentials credentials;
  private final RegistrationService registrations;
  private final Nonces nonces;
  private final LoginLimiter limiter;
  private final Clock clock;
  /** The domains this registrar holds bindings for: sip.domain and the local ones of the domains table. */
  private final java.util.function.Predicate<String> localDomain;
  /** sip.challenge_algorithms, most preferred first; also what an unknown user is offered. */
  private final List<Algorithm> offered;

  Registrar(SipCredentials credentials, RegistrationService registrations, Nonces nonces, LoginLimiter limiter,
      Clock clock, List<Algorithm> offered, java.util.function.Predicate<String> localDomain) {
    this.offered = List.copyOf(offered);
    this.localDomain = localDomain;
    this.credentials = credentials;
    this.registrations = registrations;
    this.nonces = nonces;
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  public SipMessage handle(Inbound in) {
    String source = in.peer().remoteIp();
    LoginLimiter.Attempt attempt;
    try {
      attempt = limiter.begin(source);
    } catch (RateLimitedException e) {
      return Responses.to(in, 403, "Forbidden").build();
    }
    try {
      return authenticate(in, attempt);
    } finally {
      attempt.succeeded(); // no-op when authenticate counted it failed
    }
  }

  private SipMessage authenticate(Inbound in, LoginLimiter.Attempt attempt) {
    SipMessage m = in.request();
    SipUri target;
    SipUri to;
    try {
      target = SipUri.parse(m.uri());
      to = Address.parse(m.header("To")).uri();
    } catch (SipParseException e) {
      return Responses.to(in, 400, "Malformed Request-URI or To").build();
    }
    // §10.3 step 1: only the domains we hold bindings for. A proxy would forward the rest; this
    // registrar is none, so it refuses to serve them (403, as Kamailio configs answer "not relaying").
    if (!localDomain.test(target.host())) {
      return Responses.to(in, 403, "Domain Not Served").build();
    }
    if (to.user() == null) {
      return Responses.to(in, 400, "To has no user").build();
    }
    // Step 5: the address of record must belong to the Request-URI's domain, which is also the realm.
    if (!to.host().equalsIgnoreCase(target.host())) {
      return Responses.to(in, 404, "Not Found").build();
    }
    String user = to.user();
    String realm = to.host();
    Map<String, String> auth = authorization(m, realm);
    if (auth == null) {
      return challenge(in, realm, false);
    }
    // Read only once there is a response to check: the challenge is the same for everyone.
    Optional<SipCredential> who = credentials.find(user, realm);
    Nonces.Check nonce = nonces.check(auth.getOrDefault("nonce", ""), realm, callId(m));
    Optional<Algorithm> algorithm = Algorithm.fromWire(auth.getOrDefault("algorithm", "MD5"));
    String ha1 = who.isPresent() && algorithm.isPresent() ? who.get().ha1s().get(algorithm.get()) : null;
    boolean right = nonce != Nonces.Check.INVALID && ha1 != null && user.equals(auth.get("username"))
        && DigestResponse.matches(algorithm.get(), ha1, m.method(), auth);
    if (!right) {
      attempt.failed();
      return challenge(in, realm, false);
    }
    if (nonce == Nonces.Check.STALE) {
      return challenge(in, realm, true);
    }
    if (!who.get().usable()) {
      return Responses.to(in, 403, "Forbidden").build();
    }
    return bind(in, user, realm);
  }

  /** The Authorization for this realm, parsed; null when there is none (or none well-formed). */
  private static Map<String, String> authorization(SipMessage m, String realm) {
    for (SipMessage.Header h : m.headers()) {
      if (h.name().equalsIgnoreCase("Authorization")) {
        Optional<Map<String, String>> p = DigestHeader.parse(h.value());
        if (p.isPresent() && realm.equalsIgnoreCase(p.get().get("realm"))) {
          return p.get();
        }
      }
    }
    return null;
  }

  /** Every user, known or not and whatever its HA1s, gets sip.challenge_algorithms: the offer tells nothing. */
  private SipMessage challenge(Inbound in, String realm, boolean stale) {
    Responses r = Responses.to(in, 401, "Unauthorized");
    String nonce = nonces.issue(realm, callId(in.request()));
    for (Algorithm a : offered) {
      r.header("WWW-Authenticate", "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm="
          + a.wireName() + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
    }
    return r.build();
  }

  /** RequestChecks made sure there is one. */
  private static String callId(SipMessage m) {
    return m.header("Call-ID");
  }

  private SipMessage bind(Inbound in, String user, String realm) {
    SipMessage m = in.request();
    Contacts.Parsed contacts;
    try {
      contacts = Contacts.parse(m);
    } catch (SipParseException e) {
      return Responses.to(in, 400, e.getMessage()).build();
    }
    String path = path(m);
    if (path != null && !supports(m, "path")) {
      // RFC 3327 §5.3, as Kamailio's strict path_mode: a Path the UA did not ask for is not stored
      // (requests to it would be routed through proxies it never agreed to).
      return Responses.to(in, 420, "Bad Extension").header("Unsupported", "path").build();
    }
    Peer peer = in.peer();
    RegisterRequest request = new RegisterRequest(user, realm.toLowerCase(Locale.ROOT), callId(m),
        (int) m.cseqNumber(), Optional.ofNullable(m.header("User-Agent")).orElse(""), received(peer, contacts.first()),
        path, peer.localSocket(), peer.connectionId(), contacts.star(), contacts.updates());
    RegisterResult result = registrations.register(request);
    return switch (result) {
      case RegisterResult.TooBrief t -> Responses.to(in, 423, "Interval Too Brief")
          .header("Min-Expires", Integer.toString(t.minExpires())).build();
      case RegisterResult.OutOfOrder o -> Responses.to(in, 400, "Invalid CSeq number").build();
      case RegisterResult.Ok ok -> ok(in, ok.bindings(), path);
    };
  }

  private SipMessage ok(Inbound in, List<Binding> bindings, String path) {
    Instant now = clock.instant();
    Responses r = Responses.to(in, 200, "OK");
    if (path != null) {
      r.header("Path", path); // RFC 3327 §5.3: the stored Path goes back, so the UA sees the route
    }
    for (Binding b : bindings) {
      r.header("Contact", Contacts.render(b, now));
    }
    return r.header("Date", RFC1123.format(now)).build();
  }

  /** sip:ip:port of the source when the contact names another address (NAT), as Kamailio stores it. */
  static String received(Peer peer, SipUri contact) {
    if (contact == null) {
      return null;
    }
    String ip = peer.remoteIp();
    int port = peer.remote().getPort();
    if (contact.host().equals(ip) && contact.portOrDefault() == port) {
      return null;
    }
    return "sip:" + ip + ":" + port + (peer.reliable() ? ";transport=tcp" : "");
  }

  private static boolean supports(SipMessage m, String option) {
    return m.values("Supported").stream().anyMatch(v -> v.trim().equalsIgnoreCase(option));
  }

  private static String path(SipMessage m) {
    List<String> path = m.values("Path");
    return path.isEmpty() ? null : String.join(",", path);
  }
}
