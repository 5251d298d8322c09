package dev.switchboard.face.hermes;

import static dev.switchboard.auth.HermesAuth.Access.ADMIN;
import static dev.switchboard.auth.HermesAuth.Access.LIMITED_READ;
import static dev.switchboard.auth.HermesAuth.Access.WRITE;

import dev.switchboard.Services;
import dev.switchboard.auth.HermesAuth;
import dev.switchboard.http.Face;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The Hermes Kamailio provisioning API: /hermes/api/{node}/{verb}, GET or POST. This is its route
 * table: every node with the access level it needs.
 */
public final class HermesFace implements Face {
  private final Map<String, Node> nodes = new HashMap<>();
  private final HermesAuth auth;
  private final AuthNodes authNodes;

  public HermesFace(Services s) {
    this.auth = s.hermesAuth;
    this.authNodes = new AuthNodes(s.hermesAuth, s.accounts, s.lines);
    UserNodes user = new UserNodes(s.lines);
    DirectoryNodes dir = new DirectoryNodes(s.phones, s.numbers, s.aliases, s.domains);

    node("auth/ping", LIMITED_READ, authNodes::ping);
    node("auth/add_key", ADMIN, authNodes::addKey);
    node("auth/remove_key", ADMIN, authNodes::removeKey);
    node("auth/list_keys", ADMIN, authNodes::listKeys);
    node("auth/add_user", ADMIN, authNodes::addUser);
    node("auth/remove_user", ADMIN, authNodes::removeUser);
    node("auth/list_users", ADMIN, authNodes::listUsers);
    node("auth/create_user", ADMIN, authNodes::createUser);
    node("auth/update_user", ADMIN, authNodes::updateUser);

    node("user/get", LIMITED_READ, user::get);
    node("user/list", LIMITED_READ, user::list);
    node("user/available", LIMITED_READ, user::available);
    node("user/create_password", LIMITED_READ, user::createPassword);
    node("user/add", WRITE, user::add);
    node("user/add_remote", WRITE, user::addRemote);
    node("user/remove", WRITE, user::remove);
    node("user/change_pw", WRITE, user::changePassword);
    node("user/change_email", WRITE, user::changeEmail);
    node("user/update", WRITE, user::update);

    node("phone/get", LIMITED_READ, dir::phoneGet);
    node("phone/list", LIMITED_READ, dir::phoneList);
    node("phone/add", WRITE, dir::phoneAdd);
    node("phone/remove", WRITE, dir::phoneRemove);

    node("number/list", LIMITED_READ, dir::numberList);
    node("number/check", LIMITED_READ, dir::numberCheck);
    node("number/add", WRITE, dir::numberAdd);
    node("number/add_range", WRITE, dir::numberAddRange);
    node("number/remove", WRITE, dir::numberRemove);

    node("alias/list", LIMITED_READ, dir::aliasList);
    node("alias/add", WRITE, dir::aliasAdd);
    node("alias/remove", WRITE, dir::aliasRemove);

    node("domain/list", LIMITED_READ, dir::domainList);
    node("domain/get_servers", LIMITED_READ, dir::getServers);
    node("domain/set_servers", WRITE, dir::setServers);
  }

  private void node(String path, HermesAuth.Access access, Node.Handler handler) {
    nodes.put(path, new Node(access, handler));
  }

  @Override
  public boolean owns(String path) {
    return path.startsWith("/hermes/");
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/hermes/api/{node}/{verb}", this::handle);
    r.post("/hermes/api/{node}/{verb}", this::handle);
  }

  private void handle(Context ctx) {
    String path = ctx.pathParam("node") + "/" + ctx.pathParam("verb");
    Params p = new Params(ctx);
    if (path.equals("auth/login")) {
      ctx.json(authNodes.login(p, ctx));
      return;
    }
    if (path.equals("auth/logout")) {
      ctx.json(authNodes.logout(p, ctx));
      return;
    }
    Node node = nodes.get(path);
    if (node == null) {
      throw HermesException.invalid("parameters", "No such node: " + path);
    }
    HermesAuth.Caller caller = auth.check(p.get("session"), p.get("auth_key"));
    if (!caller.mayAct(node.access())) {
      throw HermesException.failed("unauthorized", path + " needs " + node.access().wireName() + " access.");
    }
    Map<String, Object> reply = node.handler().handle(p, caller, ctx);
    if (reply != null) {
      ctx.json(reply);
    }
  }

  @Override
  public void renderError(Exception e, Context ctx) {
    Errors.render(e, ctx);
  }

  @Override
  public void renderStatus(int status, Context ctx) {
    Errors.renderStatus(status, ctx);
  }
}
