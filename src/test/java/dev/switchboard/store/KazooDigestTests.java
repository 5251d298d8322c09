package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.Account;
import dev.switchboard.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kazoo's login digests are indexed by the block of 4,096 account ids they belong to (V14): a lookup
 * must find a digest in any block, only in the domain asked for, and not after it changed.
 */
abstract class KazooDigestTests {
  /** Ids on both sides of block edges, and far past them, as a store that lived long would have. */
  private static final long[] IDS = {1, 4_095, 4_096, 8_193, 1_000_003};

  protected abstract TestDatabase newDatabase();

  @Test
  void a_digest_is_found_in_every_block_and_only_in_its_domain() {
    TestDatabase store = newDatabase();
    try (Database db = Database.open(store.url(), store.user(), store.password(), 2, 1)) {
      db.ready();
      long one = db.tx(d -> d.domains().insert("1".repeat(32), "one.example.org", Instant.now()));
      long two = db.tx(d -> d.domains().insert("2".repeat(32), "two.example.org", Instant.now()));
      for (long id : IDS) {
        account(store, id, one, "md5-" + id, "sha1-" + id);
      }
      // Another domain's account with the same password digests (the same login and password there).
      account(store, 2_000_000, two, "md5-4096", "sha1-4096");

      for (long id : IDS) {
        assertThat(md5(db, one, "md5-" + id)).as("md5 of %d", id).containsExactly(id);
        assertThat(sha1(db, one, "sha1-" + id)).as("sha1 of %d", id).containsExactly(id);
      }
      assertThat(md5(db, two, "md5-4096")).containsExactly(2_000_000L);
      assertThat(md5(db, two, "md5-8193")).isEmpty();
      assertThat(md5(db, one, "sha1-8193")).as("a SHA-1 is no MD5").isEmpty();

      db.tx(d -> d.kazoo().deleteCredentials(8_193));
      assertThat(md5(db, one, "md5-8193")).isEmpty();
      // A new password: its digests replace the old ones (Passwords deletes, then inserts).
      db.tx(d -> d.kazoo().deleteCredentials(4_095));
      credentials(store, 4_095, "md5-new", "sha1-new");
      assertThat(md5(db, one, "md5-4095")).isEmpty();
      assertThat(md5(db, one, "md5-new")).containsExactly(4_095L);
      assertThat(sha1(db, one, "sha1-new")).containsExactly(4_095L);
      assertThat(md5(db, one, "md5-1000003")).containsExactly(1_000_003L);
    }
  }

  private static void account(TestDatabase store, long id, long domainId, String md5, String sha1) {
    store.execute("INSERT INTO accounts (id, uuid, username, domain_id, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", id, "uuid-" + id, "user" + id, domainId, store.now(), store.now());
    credentials(store, id, md5, sha1);
  }

  private static void credentials(TestDatabase store, long id, String md5, String sha1) {
    store.execute("INSERT INTO kazoo_credentials (account_id, md5, sha1, updated_at) VALUES (?, ?, ?, ?)",
        id, md5, sha1, store.now());
  }

  private static List<Long> md5(Database db, long domainId, String digest) {
    return ids(db.read(d -> d.kazoo().byMd5(domainId, digest)));
  }

  private static List<Long> sha1(Database db, long domainId, String digest) {
    return ids(db.read(d -> d.kazoo().bySha1(domainId, digest)));
  }

  private static List<Long> ids(List<Account> accounts) {
    return accounts.stream().map(Account::id).toList();
  }
}
