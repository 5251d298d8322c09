package dev.switchboard.provisioning;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.ExternalAccount;
import dev.switchboard.core.account.Password;
import dev.switchboard.core.account.ProvisioningTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Linphone remote provisioning document: the operator's linphonerc converted section by
 * section (or a minimal config for the default domain), then, with an account, its proxy_0 and
 * auth_info_0 sections (HA1 and algorithm, a cleartext `passwd` only when a password was just
 * generated), a second pair for a linked external account, the contacts vCard URL, and finally the
 * operator's hook template, which may add or override anything.
 */
public final class Provisioning {
  private final Path linphonerc;
  private final String publicUrl;
  private final String defaultDomain;
  private final AccountService accounts;
  private final ProvisioningTokens tokens;
  private final Hooks hooks;
  private volatile FileTime loadedAt;
  private volatile Map<String, Map<String, String>> publicSections;

  public Provisioning(String linphonercFile, String publicUrl, String defaultDomain, AccountService accounts,
      ProvisioningTokens tokens, Hooks hooks) {
    this.linphonerc = linphonercFile == null || linphonercFile.isBlank() ? null : Path.of(linphonercFile);
    this.publicUrl = publicUrl;
    this.defaultDomain = defaultDomain;
    this.accounts = accounts;
    this.tokens = tokens;
    this.hooks = hooks;
  }

  /** The document (UTF-8) for an anonymous device (account null) or for an account. */
  public byte[] xml(Account account, String newPassword) {
    Map<String, Map<String, String>> sections = copy(publicSections());
    section(sections, "misc").put("contacts-vcard-list", publicUrl + "/contacts/vcard");
    if (account != null) {
      accountSections(sections, 0, account, newPassword);
      tokens.external(account.id()).ifPresent(external -> externalSections(sections, 1, external));
    }
    LinphoneRc.merge(sections, hooks.sections(account));
    return ProvisioningXml.render(sections);
  }

  private void accountSections(Map<String, Map<String, String>> sections, int index, Account a, String newPassword) {
    Map<String, String> proxy = section(sections, "proxy_" + index);
    proxy.put("reg_identity", identity(a.displayName(), a.username(), a.domain()));
    proxy.put("reg_proxy", "<sip:" + a.domain() + ">");
    proxy.put("realm", a.realm());
    proxy.put("reg_expires", "3600");
    proxy.put("reg_sendregister", "1");
    proxy.put("publish", "0");
    if (a.dtmfProtocol() != null) {
      proxy.put("dtmf_protocol", a.dtmfProtocol());
    }
    Map<String, String> auth = section(sections, "auth_info_" + index);
    auth.put("username", a.username());
    auth.put("domain", a.domain());
    auth.put("realm", a.realm());
    if (newPassword != null) {
      auth.put("passwd", newPassword);
    }
    List<Password> passwords = accounts.passwords(a.id());
    // One auth_info carries one HA1: SHA-256 when the account has it, as current Linphone prefers.
    passwords.stream().filter(p -> p.algorithm() == dev.switchboard.core.account.Algorithm.SHA256).findFirst()
        .or(() -> passwords.stream().findFirst())
        .ifPresent(p -> {
          auth.put("ha1", p.ha1());
          auth.put("algorithm", p.algorithm().wireName());
        });
  }

  private static void externalSections(Map<String, Map<String, String>> sections, int index, ExternalAccount e) {
    Map<String, String> proxy = section(sections, "proxy_" + index);
    String transport = ";transport=" + e.protocol().toLowerCase(java.util.Locale.ROOT);
    String registrar = e.registrar() == null || e.registrar().isBlank() ? e.domain() : e.registrar();
    proxy.put("reg_identity", "sip:" + e.username() + "@" + e.domain());
    proxy.put("reg_proxy", "<sip:" + registrar + transport + ">");
    if (e.outboundProxy() != null && !e.outboundProxy().isBlank()) {
      proxy.put("reg_route", "<sip:" + e.outboundProxy() + transport + ">");
    }
    proxy.put("realm", e.realm() == null ? e.domain() : e.realm());
    proxy.put("reg_expires", "3600");
    proxy.put("reg_sendregister", "1");
    Map<String, String> auth = section(sections, "auth_info_" + index);
    auth.put("username", e.username());
    auth.put("domain", e.domain());
    auth.put("realm", e.realm() == null ? e.domain() : e.realm());
    auth.put("ha1", e.ha1());
    auth.put("algorithm", e.algorithm().wireName());
  }

  /** `"Display Name" <sip:user@domain>`, the display name quoted as RFC 3261 wants it. */
  static String identity(String displayName, String username, String domain) {
    String uri = "sip:" + username + "@" + domain;
    if (displayName == null || displayName.isBlank()) {
      return uri;
    }
    return "\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + uri + ">";
  }

  /**
   * What the documents' operator part was read from: the linphonerc's modification time (null
   * without one), so that a document kept for an account is rebuilt when the file changes. The hook
   * template is read once, at start.
   */
  public Object sourceVersion() {
    publicSections();
    return loadedAt;
  }

  private Map<String, Map<String, String>> publicSections() {
    if (linphonerc == null) {
      if (publicSections == null) {
        Map<String, Map<String, String>> minimal = new LinkedHashMap<>();
        Map<String, String> defaults = section(minimal, "proxy_default_values");
        defaults.put("reg_proxy", "<sip:" + defaultDomain + ">");
        defaults.put("realm", defaultDomain);
        defaults.put("reg_expires", "3600");
        defaults.put("reg_sendregister", "1");
        section(minimal, "sip").put("default_proxy", "0");
        publicSections = minimal;
      }
      return publicSections;
    }
    try {
      FileTime modified = Files.getLastModifiedTime(linphonerc);
      if (publicSections == null || !modified.equals(loadedAt)) {
        publicSections = LinphoneRc.parse(Files.readString(linphonerc));
        loadedAt = modified;
      }
      return publicSections;
    } catch (IOException e) {
      throw new UncheckedIOException("provisioning.linphonerc cannot be read", e);
    }
  }

  private static Map<String, String> section(Map<String, Map<String, String>> sections, String name) {
    return sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> sections) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    sections.forEach((name, entries) -> out.put(name, new LinkedHashMap<>(entries)));
    return out;
  }
}
