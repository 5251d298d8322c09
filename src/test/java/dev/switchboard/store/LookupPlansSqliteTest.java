package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lookups that only an index of a special form serves (V14): an expression index serves only the same
 * expression, a partial one only a query that implies its condition; else each is a scan of the table.
 */
class LookupPlansSqliteTest {
  private static final TestDatabase STORE = TestDatabase.sqlite();

  @BeforeAll
  static void migrate() {
    try (Database db = Database.open(STORE.url(), STORE.user(), STORE.password(), 2, 1)) {
      db.ready();
    }
  }

  @Test
  void a_kazoo_login_seeks_its_digest_in_each_block_then_the_accounts_found() throws SQLException {
    assertThat(plan(KazooDao.BY_MD5)).contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)",
        "SEARCH k USING COVERING INDEX kazoo_credentials_md5 (<expr>=? AND md5=?)");
    assertThat(plan(KazooDao.BY_SHA1)).contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)",
        "SEARCH k USING COVERING INDEX kazoo_credentials_sha1 (<expr>=? AND sha1=?)");
  }

  @Test
  void an_account_is_found_by_email_or_phone_through_their_partial_indexes() throws SQLException {
    assertThat(plan(AccountDao.BY_EMAIL)).contains("SEARCH a USING INDEX accounts_email (email=?)");
    assertThat(plan(AccountDao.BY_PHONE)).contains("SEARCH a USING INDEX accounts_phone (phone=?)");
    assertThat(plan(AccountDao.COUNT_EMAIL)).containsExactly("SEARCH accounts USING COVERING INDEX accounts_email (email=?)");
  }

  private static List<String> plan(String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = STORE.connect(); ResultSet rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + sql)) {
      while (rs.next()) {
        lines.add(rs.getString("detail"));
      }
    }
    return lines;
  }
}
