package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.auth.Principal;
import dev.switchboard.store.Changes;
import dev.switchboard.store.ReadCache;
import dev.switchboard.core.Page;
import dev.switchboard.core.ValidationException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountInput;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.SelfService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/accounts/me (User) and the admin account endpoints. */
final class AccountController {
  private static final int DEFAULT_PER_PAGE = 15;
  private static final int MAX_PER_PAGE = 100;

  private final AccountService accounts;
  private final SelfService self;
  private final AccountViews views;

  private static final long SHOWN_BYTES = ReadCache.scaled(6L << 20);

  private final ObjectMapper json;
  private final ReadCache<Long, byte[]> shown;

  AccountController(AccountService accounts, SelfService self, AccountViews views, ObjectMapper json,
      Changes changes) {
    this.accounts = accounts;
    this.self = self;
    this.views = views;
    this.json = json;
    this.shown = new ReadCache<>(changes, SHOWN_BYTES, bytes -> bytes.length);
  }

  AccountJson json(Account a) {
    return views.json(a);
  }

  static AccountInput input(Input in) {
    return new AccountInput(in.string("username"), in.string("domain"), in.string("password"), in.string("algorithm"),
        in.string("display_name"), in.string("email"), in.string("phone"), in.string("dtmf_protocol"),
        in.bool("activated"), in.bool("admin"), in.string("confirmation_key_expires"), in.map("dictionary"));
  }

  // User

  void show(Context ctx) {
    ctx.json(json(Paths.caller(ctx)));
  }

  /**
   * GET /api/accounts/me before Javalin (FlexiApiFace.fastRoutes): the bytes ctx.json writes, kept
   * while the account is unchanged (serializing was a fifth of the request).
   */
  byte[] show(Principal caller) {
    return shown.get(caller.accountId(), () -> {
      try {
        return json.writeValueAsBytes(json(caller.account()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  void provisionMe(Context ctx) {
    AccountService.Issued issued = accounts.provision(Paths.caller(ctx).id());
    ctx.json(views.json(issued));
  }

  void deleteMe(Context ctx) {
    self.delete(Paths.caller(ctx));
    ctx.status(200).json(Map.of());
  }

  void changePassword(Context ctx) {
    Input in = Input.of(ctx);
    ctx.json(json(self.changePassword(Paths.caller(ctx), in.string("algorithm"), in.string("old_password"), in.string("password"))));
  }

  void requestEmailChange(Context ctx) {
    self.requestEmailChange(Paths.caller(ctx), Input.of(ctx).string("email"));
    ctx.status(200).json(Map.of());
  }

  void confirmEmailChange(Context ctx) {
    ctx.json(json(self.confirmEmailChange(Paths.caller(ctx), Input.of(ctx).string("code"))));
  }

  void requestPhoneChange(Context ctx) {
    self.requestPhoneChange(Paths.caller(ctx), Input.of(ctx).string("phone"));
    ctx.status(200).json(Map.of());
  }

  void confirmPhoneChange(Context ctx) {
    ctx.json(json(self.confirmPhoneChange(Paths.caller(ctx), Input.of(ctx).string("code"))));
  }

  // Admin

  void create(Context ctx) {
    AccountService.Issued issued = accounts.create(Paths.caller(ctx), input(Input.of(ctx)));
    ctx.status(201).json(views.json(issued));
  }

  void update(Context ctx) {
    ctx.json(json(accounts.update(Paths.caller(ctx), id(ctx), input(Input.of(ctx)))));
  }

  void get(Context ctx) {
    ctx.json(json(accounts.manageable(Paths.caller(ctx), id(ctx))));
  }

  void list(Context ctx) {
    int page = positive(ctx, "page", 1);
    int perPage = Math.min(positive(ctx, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE);
    Page<Account> result = accounts.list(Paths.caller(ctx), page, perPage);
    ctx.json(paginator(ctx, result, result.items().stream().map(this::json).toList()));
  }

  void searchBySip(Context ctx) {
    ctx.json(json(accounts.searchBySip(Paths.caller(ctx), ctx.pathParam("sip"))));
  }

  void searchByEmail(Context ctx) {
    ctx.json(json(accounts.searchByEmail(Paths.caller(ctx), ctx.pathParam("email"))));
  }

  void delete(Context ctx) {
    accounts.delete(Paths.caller(ctx), id(ctx));
    ctx.status(200).json(Map.of());
  }

  void activate(Context ctx) {
    ctx.json(json(accounts.setActivated(Paths.caller(ctx), id(ctx), true)));
  }

  void deactivate(Context ctx) {
    ctx.json(json(accounts.setActivated(Paths.caller(ctx), id(ctx), false)));
  }

  void block(Context ctx) {
    ctx.json(json(accounts.setBlocked(Paths.caller(ctx), id(ctx), true)));
  }

  void unblock(Context ctx) {
    ctx.json(json(accounts.setBlocked(Paths.caller(ctx), id(ctx), false)));
  }

  void provision(Context ctx) {
    Account target = accounts.manageable(Paths.caller(ctx), id(ctx));
    AccountService.Issued issued = accounts.provision(target.id());
    ctx.json(views.json(issued));
  }

  private static long id(Context ctx) {
    return Paths.id(ctx, "id");
  }

  private static int positive(Context ctx, String name, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ValidationException.of(name, "The " + name.replace('_', ' ') + " must be an integer of at least 1.");
  }

  /** Laravel's LengthAwarePaginator JSON. */
  static Map<String, Object> paginator(Context ctx, Page<?> page, List<?> data) {
    String path = ctx.scheme() + "://" + ctx.host() + ctx.path();
    long last = page.lastPage();
    long from = page.items().isEmpty() ? 0 : (long) (page.page() - 1) * page.perPage() + 1;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("current_page", page.page());
    out.put("data", data);
    out.put("first_page_url", pageUrl(path, 1, page.perPage()));
    out.put("from", page.items().isEmpty() ? null : from);
    out.put("last_page", last);
    out.put("last_page_url", pageUrl(path, last, page.perPage()));
    out.put("links", links(path, page, last));
    out.put("next_page_url", page.page() < last ? pageUrl(path, page.page() + 1, page.perPage()) : null);
    out.put("path", path);
    out.put("per_page", page.perPage());
    out.put("prev_page_url", page.page() > 1 ? pageUrl(path, page.page() - 1, page.perPage()) : null);
    out.put("to", page.items().isEmpty() ? null : from + page.items().size() - 1);
    out.put("total", page.total());
    return out;
  }

  private static String pageUrl(String path, long page, int perPage) {
    return path + "?page=" + page + (perPage == DEFAULT_PER_PAGE ? "" : "&per_page=" + perPage);
  }

  private static List<Map<String, Object>> links(String path, Page<?> page, long last) {
    List<Map<String, Object>> links = new java.util.ArrayList<>();
    links.add(link(page.page() > 1 ? pageUrl(path, page.page() - 1, page.perPage()) : null, "&laquo; Previous", false));
    // Laravel's window: every page up to 12 pages, else the first two, three around the current one
    // and the last two, with "..." between the groups.
    java.util.TreeSet<Long> shown = new java.util.TreeSet<>();
    if (last <= 12) {
      for (long p = 1; p <= last; p++) {
        shown.add(p);
      }
    } else {
      for (long p : new long[] {1, 2, last - 1, last}) {
        shown.add(p);
      }
      for (long p = Math.max(1, page.page() - 3); p <= Math.min(last, page.page() + 3); p++) {
        shown.add(p);
      }
    }
    long previous = 0;
    for (long p : shown) {
      if (p > previous + 1) {
        links.add(link(null, "...", false));
      }
      links.add(link(pageUrl(path, p, page.perPage()), Long.toString(p), p == page.page()));
      previous = p;
    }
    links.add(link(page.page() < last ? pageUrl(path, page.page() + 1, page.perPage()) : null, "Next &raquo;", false));
    return links;
  }

  private static Map<String, Object> link(String url, String label, boolean active) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("url", url);
    l.put("label", label);
    l.put("active", active);
    return l;
  }
}
