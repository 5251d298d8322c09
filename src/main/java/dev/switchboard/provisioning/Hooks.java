package dev.switchboard.provisioning;

import dev.switchboard.core.account.Account;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's provisioning hook: a Pebble template (provisioning.hook_template) rendered with
 * `account` (null for anonymous provisioning) and `public_url`. Its output is linphonerc INI text
 * whose sections and entries are added to, or replace, the generated ones.
 */
public final class Hooks {
  private final PebbleTemplate template;
  private final String publicUrl;

  public Hooks(String templateFile, String publicUrl) {
    this.publicUrl = publicUrl;
    if (templateFile == null || templateFile.isBlank()) {
      this.template = null;
      return;
    }
    PebbleEngine engine = new PebbleEngine.Builder().loader(new FileLoader()).autoEscaping(false).newLineTrimming(false)
        .strictVariables(false).build();
    this.template = engine.getTemplate(templateFile);
  }

  public Map<String, Map<String, String>> sections(Account account) {
    if (template == null) {
      return Map.of();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("public_url", publicUrl);
    model.put("account", account == null ? null : view(account));
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return LinphoneRc.parse(out.toString());
  }

  /** What a hook may read of an account: no hash, no token. */
  private static Map<String, Object> view(Account a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", a.id());
    v.put("uuid", a.uuid());
    v.put("username", a.username());
    v.put("domain", a.domain());
    v.put("realm", a.realm());
    v.put("display_name", a.displayName());
    v.put("email", a.email());
    v.put("phone", a.phone());
    v.put("sip_uri", a.sipUri());
    v.put("dtmf_protocol", a.dtmfProtocol());
    v.put("activated", a.activated());
    v.put("admin", a.role().isAdmin());
    return v;
  }
}
