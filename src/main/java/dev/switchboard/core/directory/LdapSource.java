package dev.switchboard.core.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import dev.switchboard.config.Config;
import dev.switchboard.core.account.Account;
import java.util.ArrayList;
import java.util.List;

/**
 * An LDAP directory (UnboundID LDAP SDK): the filter template's `{term}` is replaced by the term as
 * typed, escaped per RFC 4515, so a term cannot change the filter's structure. Matching is the
 * directory's own (case-insensitive for the usual attributes; accents as its schema compares them).
 */
public final class LdapSource implements Source {
  private static final int MAX_ENTRIES = 1000;

  private final Config.Source source;
  private final LDAPURL url;

  public LdapSource(Config.Source source) {
    this.source = source;
    try {
      this.url = new LDAPURL(source.url());
    } catch (LDAPException e) {
      throw new IllegalArgumentException("ldap source: bad url " + source.url(), e);
    }
  }

  @Override
  public List<Line> lookup(String term, Account user) throws Exception {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(source.connectTimeoutMs() == null ? 2000 : source.connectTimeoutMs());
    options.setResponseTimeoutMillis(source.responseTimeoutMs() == null ? 3000 : source.responseTimeoutMs());
    try (LDAPConnection connection = "ldaps".equals(url.getScheme())
        ? new LDAPConnection(new SSLUtil(new TrustStoreTrustManager(System.getProperty("java.home")
            + "/lib/security/cacerts")).createSSLSocketFactory(), options, url.getHost(), url.getPort())
        : new LDAPConnection(options, url.getHost(), url.getPort())) {
      if (source.bindDn() != null && !source.bindDn().isBlank()) {
        connection.bind(source.bindDn(), source.bindPassword());
      }
      // An empty term leaves `**` where the template said `*{term}*`: a presence match, written `*`.
      // (A `*` typed by the caller is escaped as \2a and never collapses.)
      String filter = source.filter().replace("{term}", Filter.encodeValue(term)).replace("**", "*");
      List<String> attributes = new ArrayList<>();
      attributes.add(source.nameAttribute());
      source.numberAttributes().forEach(a -> attributes.add(a.attribute()));
      SearchRequest request = new SearchRequest(source.baseDn(), SearchScope.SUB, Filter.create(filter),
          attributes.toArray(String[]::new));
      request.setSizeLimit(MAX_ENTRIES);
      SearchResult result = connection.search(request);
      List<Line> out = new ArrayList<>();
      for (SearchResultEntry entry : result.getSearchEntries()) {
        String name = entry.getAttributeValue(source.nameAttribute());
        if (name == null || name.isBlank()) {
          continue;
        }
        List<String[]> numbers = new ArrayList<>();
        for (Config.NumberField attribute : source.numberAttributes()) {
          numbers.add(new String[] {entry.getAttributeValue(attribute.attribute()), attribute.label()});
        }
        Source.contact(out, name, numbers);
      }
      return out;
    }
  }
}
