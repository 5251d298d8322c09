package dev.switchboard.face.phoned;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.directory.DirectoryService;
import dev.switchboard.core.directory.Line;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory documents phones read: menu, input and lookup per vendor, with paging links built
 * from the request's own URL (every query value URL-encoded; the templates escape every value).
 */
final class PhonedController {
  private final DirectoryService directory;
  private final Renderer renderer;
  private final String defaultProfile;

  PhonedController(DirectoryService directory, Renderer renderer, String defaultProfile) {
    this.directory = directory;
    this.renderer = renderer;
    this.defaultProfile = defaultProfile;
  }

  /** A 400 naming the fields, in phoned's shape. */
  static final class InvalidData extends RuntimeException {
    final Map<String, Object> details;

    InvalidData(Map<String, Object> details) {
      super("Sent data is invalid", null, false, false);
      this.details = details;
    }
  }

  // /0.1/directories/{document}/{profile}/{vendor}

  void menu(Context ctx) {
    path(ctx, "menu", ctx.pathParam("vendor"));
  }

  void input(Context ctx) {
    path(ctx, "input", ctx.pathParam("vendor"));
  }

  void lookup(Context ctx) {
    path(ctx, "lookup", ctx.pathParam("vendor"));
  }

  void yealink(Context ctx) {
    path(ctx, "lookup", "yealink");
  }

  private void path(Context ctx, String document, String vendorName) {
    Vendor vendor = Vendor.of(vendorName).filter(v -> v.documents.contains(document) && v != Vendor.GIGASET)
        .orElseThrow(() -> new NotFoundException("No such vendor"));
    String profile = ctx.pathParam("profile");
    String base = ctx.scheme() + "://" + ctx.host() + "/0.1/directories/%s/" + encode(profile) + "/"
        + encode(vendor.wire);
    serve(ctx, vendor, document, profile, doc -> String.format(base, doc), "?");
  }

  // /0.1/directories/{document}?vendor=&profile= (the query-string form)

  void queryMenu(Context ctx) {
    query(ctx, "menu");
  }

  void queryInput(Context ctx) {
    query(ctx, "input");
  }

  void queryLookup(Context ctx) {
    query(ctx, "lookup");
  }

  private void query(Context ctx, String document) {
    String vendorName = ctx.queryParam("vendor");
    if (vendorName == null) {
      throw new InvalidData(Map.of("vendor", Map.of("constraint_id", "required", "message", "Missing data for required field.")));
    }
    Vendor vendor = Vendor.of(vendorName).filter(v -> v.documents.contains(document) && v != Vendor.GIGASET)
        .orElseThrow(() -> new NotFoundException("No such vendor"));
    String profile = ctx.queryParam("profile") == null ? defaultProfile : ctx.queryParam("profile");
    String origin = ctx.scheme() + "://" + ctx.host();
    String fixed = "?vendor=" + encode(vendor.wire) + "&profile=" + encode(profile);
    serve(ctx, vendor, document, profile, doc -> origin + "/0.1/directories/" + doc + fixed, "&");
  }

  private interface Urls {
    String of(String document);
  }

  private void serve(Context ctx, Vendor vendor, String document, String profile, Urls urls, String join) {
    if (!directory.hasProfile(profile)) {
      throw new NotFoundException("The profile `" + profile + "` does not exist");
    }
    String uuid = ctx.queryParam("xivo_user_uuid");
    Account user = directory.user(uuid).orElse(null);
    String userQuery = uuid == null ? "" : "xivo_user_uuid=" + encode(uuid);
    String glue = userQuery.isEmpty() ? "" : join;
    Map<String, Object> model = new HashMap<>();
    model.put("labels", Labels.of(ctx.header("Accept-Language")));
    model.put("user_uuid", uuid == null ? "" : uuid);
    model.put("input_url", urls.of("input") + glue + userQuery);
    model.put("lookup_url", urls.of("lookup") + glue + userQuery);
    model.put("lookup_base", urls.of("lookup"));
    if (document.equals("lookup")) {
      String term = ctx.queryParam("term");
      Map<String, Object> errors = new LinkedHashMap<>();
      if (term == null) {
        errors.put("term", Map.of("constraint_id", "required", "message", "Missing data for required field."));
      }
      Integer limit = integer(ctx.queryParam("limit"), "limit", errors);
      Integer offsetParam = integer(ctx.queryParam("offset"), "offset", errors);
      if (!errors.isEmpty()) {
        throw new InvalidData(errors);
      }
      int offset = offsetParam == null ? 0 : offsetParam;
      page(model, directory.lookup(profile, term, user), limit == null ? vendor.pageSize : limit, offset,
          (o, l) -> urls.of("lookup") + join + (userQuery.isEmpty() ? "" : userQuery + "&") + "term=" + encode(term)
              + "&limit=" + l + "&offset=" + o);
    }
    ctx.contentType(vendor.contentType()).result(renderer.render(vendor, document, model).getBytes(StandardCharsets.UTF_8));
  }

  /** /0.1/directories/lookup/{profile}/gigaset/{user_uuid}?set_first=&count=&first= */
  void gigaset(Context ctx) {
    String profile = ctx.pathParam("profile");
    if (!directory.hasProfile(profile)) {
      throw new NotFoundException("The profile `" + profile + "` does not exist");
    }
    Account user = directory.user(ctx.pathParam("user_uuid")).orElse(null);
    Map<String, Object> errors = new LinkedHashMap<>();
    Integer count = integer(ctx.queryParam("count"), "count", errors);
    Integer first = integer(ctx.queryParam("first"), "first", errors);
    if (!errors.isEmpty()) {
      throw new InvalidData(errors);
    }
    String term = ctx.queryParam("set_first") == null ? "" : ctx.queryParam("set_first").replace("*", "");
    List<Line> lines = directory.lookup(profile, term, user);
    int offset = first == null ? 0 : Math.max(0, first - 1);
    Map<String, Object> model = new HashMap<>();
    List<Line> slice = slice(lines, offset, count);
    model.put("entries", entries(slice));
    model.put("total", lines.size());
    model.put("first", offset + 1);
    Integer next = count != null && offset + count < lines.size() ? offset + count : null;
    model.put("last", next != null ? next : lines.size());
    ctx.contentType(Vendor.GIGASET.contentType())
        .result(renderer.render(Vendor.GIGASET, "lookup", model).getBytes(StandardCharsets.UTF_8));
  }

  private interface PageUrl {
    String of(int offset, int limit);
  }

  /** phoned's paging: next when offset+limit is below the total, previous when offset > 0 and a limit applies. */
  private static void page(Map<String, Object> model, List<Line> lines, Integer limit, int offset, PageUrl url) {
    model.put("entries", entries(slice(lines, offset, limit)));
    model.put("total", lines.size());
    if (limit != null && offset + limit < lines.size()) {
      model.put("next_url", url.of(offset + limit, limit));
    }
    if (limit != null && offset > 0) {
      model.put("previous_url", url.of(Math.max(0, offset - limit), limit));
    }
  }

  private static List<Line> slice(List<Line> lines, int offset, Integer limit) {
    int from = Math.min(offset, lines.size());
    int to = limit == null ? lines.size() : (int) Math.min((long) from + limit, lines.size());
    return lines.subList(from, to);
  }

  private static List<Map<String, String>> entries(List<Line> lines) {
    List<Map<String, String>> out = new ArrayList<>(lines.size());
    for (Line line : lines) {
      String[] split = line.name().strip().split("\\s+", 2);
      out.add(Map.of("name", line.name(), "number", line.number(), "first_name", split[0],
          "last_name", split.length > 1 ? split[1] : ""));
    }
    return out;
  }

  private static Integer integer(String raw, String name, Map<String, Object> errors) {
    if (raw == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    errors.put(name, Map.of("constraint_id", "type", "message", "Not a valid integer."));
    return null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  void status(Context ctx) {
    ctx.json(Map.of("service_token", Map.of("status", "ok"), "bus_consumer", Map.of("status", "ok"),
        "timestamp", Instant.now().toString()));
  }
}
