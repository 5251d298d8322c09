package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountType;
import dev.switchboard.core.account.AccountTypeService;
import dev.switchboard.core.account.Action;
import dev.switchboard.core.account.ActionService;
import dev.switchboard.core.account.DictionaryService;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/** Account types, DTMF actions and the dictionary. */
final class AccountDetailsController {
  private final AccountTypeService types;
  private final ActionService actions;
  private final DictionaryService dictionary;
  private final AccountViews views;

  AccountDetailsController(AccountTypeService types, ActionService actions, DictionaryService dictionary,
      AccountViews views) {
    this.types = types;
    this.actions = actions;
    this.dictionary = dictionary;
    this.views = views;
  }

  record TypeJson(long id, String key, @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {
    static TypeJson of(AccountType t) {
      return new TypeJson(t.id(), t.key(), t.createdAt(), t.updatedAt());
    }
  }

  record ActionJson(long id, @JsonProperty("account_id") long accountId, String key, String code,
      @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {
    static ActionJson of(Action a) {
      return new ActionJson(a.id(), a.accountId(), a.key(), a.code(), a.createdAt(), a.updatedAt());
    }
  }

  // Account types

  void listTypes(Context ctx) {
    ctx.json(types.list().stream().map(TypeJson::of).toList());
  }

  void getType(Context ctx) {
    ctx.json(TypeJson.of(types.get(Paths.id(ctx, "id"))));
  }

  void createType(Context ctx) {
    ctx.status(201).json(TypeJson.of(types.create(Input.of(ctx).string("key"))));
  }

  void updateType(Context ctx) {
    ctx.json(TypeJson.of(types.update(Paths.id(ctx, "id"), Input.of(ctx).string("key"))));
  }

  void deleteType(Context ctx) {
    types.delete(Paths.id(ctx, "id"));
    ctx.json(Map.of());
  }

  void attachType(Context ctx) {
    Account account = types.attach(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "type_id"));
    ctx.json(views.json(account));
  }

  void detachType(Context ctx) {
    if (!types.detach(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "type_id"))) {
      throw new NotFoundException("The account does not have this type");
    }
    ctx.json(Map.of());
  }

  // Actions

  void listActions(Context ctx) {
    ctx.json(actions.list(Paths.caller(ctx), Paths.id(ctx, "id")).stream().map(ActionJson::of).toList());
  }

  void getAction(Context ctx) {
    ctx.json(ActionJson.of(actions.get(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "action_id"))));
  }

  void createAction(Context ctx) {
    Input in = Input.of(ctx);
    ctx.status(201).json(ActionJson.of(actions.create(Paths.caller(ctx), Paths.id(ctx, "id"), in.string("key"), in.string("code"))));
  }

  void updateAction(Context ctx) {
    Input in = Input.of(ctx);
    ctx.json(ActionJson.of(actions.update(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "action_id"), in.string("key"),
        in.string("code"))));
  }

  void deleteAction(Context ctx) {
    actions.delete(Paths.caller(ctx), Paths.id(ctx, "id"), Paths.id(ctx, "action_id"));
    ctx.json(Map.of());
  }

  // Dictionary

  void dictionary(Context ctx) {
    ctx.json(dictionary.entries(Paths.caller(ctx), Paths.id(ctx, "id")));
  }

  void putEntry(Context ctx) {
    ctx.json(dictionary.put(Paths.caller(ctx), Paths.id(ctx, "id"), ctx.pathParam("key"), Input.of(ctx).string("value")));
  }

  void removeEntry(Context ctx) {
    dictionary.remove(Paths.caller(ctx), Paths.id(ctx, "id"), ctx.pathParam("key"));
    ctx.json(Map.of());
  }
}
