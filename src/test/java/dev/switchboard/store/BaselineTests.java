package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension;
import org.junit.jupiter.api.Test;

/**
 * A new store runs the baseline migration (B&lt;n&gt;, joined from the V files at build time); a store
 * created by an older release runs the V files it lacks. Both must end with the same schema.
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
    var release = Flyway.configure().dataSource(old.url(), old.user(), old.password())
        .locations(dialect(old).migrations()).target("1");
    release.getConfigurationExtension(BaselineMigrationConfigurationExtension.class).setBaselineMigrationPrefix("none");
    release.load().migrate();
    migrate(old);

    String newest = Integer.toString(newestVersion(dialect(fresh)));
    List<String> created = history(fresh);
    assertThat(created.getFirst()).endsWith(" SQL_BASELINE");
    assertThat(created.getLast()).startsWith(newest + " ");
    List<String> upgraded = history(old);
    assertThat(upgraded.getFirst()).isEqualTo("1 SQL");
    assertThat(upgraded).allMatch(row -> row.endsWith(" SQL")).last().asString().startsWith(newest + " ");
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

  private static int newestVersion(Dialect dialect) throws java.io.IOException {
    Path folder = Path.of("src/main/resources/db/migration").resolve(dialect.migrations().replaceAll(".*/", ""));
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
    }
  }
}
