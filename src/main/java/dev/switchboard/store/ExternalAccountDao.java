package dev.switchboard.store;

import dev.switchboard.core.account.ExternalAccount;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The external_accounts table: at most one external account per account. */
public interface ExternalAccountDao {
  @SqlUpdate("DELETE FROM external_accounts WHERE account_id = :accountId")
  int delete(@Bind("accountId") long accountId);

  @SqlUpdate("INSERT INTO external_accounts (account_id, username, domain, realm, algorithm, ha1, registrar,"
      + " outbound_proxy, protocol, created_at, updated_at) VALUES (:accountId, :username, :domain, :realm,"
      + " :algorithm, :ha1, :registrar, :outboundProxy, :protocol, :now, :now)")
  int insert(@Bind("accountId") long accountId, @Bind("username") String username, @Bind("domain") String domain,
      @Bind("realm") String realm, @Bind("algorithm") String algorithm, @Bind("ha1") String ha1,
      @Bind("registrar") String registrar, @Bind("outboundProxy") String outboundProxy,
      @Bind("protocol") String protocol, @Bind("now") Instant now);

  String FIND = "SELECT * FROM external_accounts WHERE account_id = :accountId";

  @SqlQuery(FIND)
  Optional<ExternalAccount> find(@Bind("accountId") long accountId);
}
