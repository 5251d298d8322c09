package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.migration.Migrations;
import dev.switchboard.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

/**
 * A new store runs the baseline migration (B&lt;n&gt;: the V files joined at build time, run as one
 * script); a store created by an older release runs the V files it lacks. Both must end with the same
 * schema.
 */
abstract class BaselineTests {
  protected abstract TestDatabase newDatabase();

  /** Every definition of the store, Flyway's own table left out, one sorted line each. */
  protected abstract List<String> schema(Connection c) throws SQLException;

  @Test
  void a_new_store_runs_the_baseline_and_an_old_one_its_missing_migrations_to_the_same_schema() throws Exception {
    TestDatabase fresh = newDatabase();
    migrate(fresh);
    TestDatabase old = newDatabase();
    // A store of a release before the baseline, at version 1 (with the baseline Flyway would start from it).
    Migrations migrations = dialect(old).migrations();
    Flyway.configure().dataSource(old.url(), old.user(), old.password())
        .resourceProvider(migrations).javaMigrationClassProvider(List::of).target("1").load().migrate();
    migrate(old);

    String newest = Integer.toString(newestVersion(migrations));
    List<String> created = history(fresh);
    assertThat(created.getFirst()).endsWith(" JDBC_BASELINE");
    assertThat(created.getLast()).startsWith(newest + " ");
    List<String> upgraded = history(old);
    assertThat(upgraded.getFirst()).isEqualTo("1 SQL");
    assertThat(upgraded).allMatch(row -> row.endsWith(" SQL")).last().asString().startsWith(newest + " ");
    try (Connection a = fresh.connect(); Connection b = old.connect()) {
      assertThat(schema(a)).isNotEmpty().isEqualTo(schema(b));
    }
  }

  /** A store created by a release whose newest baseline was an older one than this build's. */
  protected void a_store_of_an_older_baseline_runs_what_came_after_it(Class<? extends JavaMigration> olderBaseline,
      String itsVersion) throws Exception {
    TestDatabase fresh = newDatabase();
    migrate(fresh);
    TestDatabase old = newDatabase();
    Flyway.configure().dataSource(old.url(), old.user(), old.password())
        .resourceProvider(dialect(old).migrations()).javaMigrationClassProvider(() -> List.of(olderBaseline))
        .target(itsVersion).load().migrate();
    assertThat(history(old)).containsExactly(itsVersion + " JDBC_BASELINE");
    migrate(old);
    assertThat(history(fresh)).containsExactly(newestVersion(dialect(fresh).migrations()) + " JDBC_BASELINE");
    assertThat(history(old).getFirst()).isEqualTo(itsVersion + " JDBC_BASELINE");
    assertThat(history(old).getLast()).isEqualTo(newestVersion(dialect(old).migrations()) + " SQL");
    try (Connection a = fresh.connect(); Connection b = old.connect()) {
      assertThat(schema(a)).isNotEmpty().isEqualTo(schema(b));
    }
  }

  private static Dialect dialect(TestDatabase db) {
    return Dialect.of(db.url());
  }

  private static void migrate(TestDatabase db) {
    try (Database opened = Database.open(db.url(), db.user(), db.password(), 2, 1)) {
      opened.ready();
    }
  }

  private static List<String> history(TestDatabase db) throws SQLException {
    return lines(db, "SELECT version || ' ' || type FROM flyway_schema_history WHERE success ORDER BY installed_rank");
  }

  protected static List<String> lines(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return lines(c, sql);
    }
  }

  protected static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }

  private static int newestVersion(Migrations migrations) {
    return migrations.getResources("V", new String[] {".sql"}).stream().map(LoadableResource::getFilename)
        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
  }
}
