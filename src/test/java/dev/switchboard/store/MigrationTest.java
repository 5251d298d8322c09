package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema migrates on its own thread: every use of the store waits for it, and sees its failure. */
class MigrationTest {
  @TempDir Path dir;

  private String url() {
    return "jdbc:sqlite:" + dir.resolve("store.db");
  }

  @Test
  void usesWaitForTheMigration() {
    try (Database db = Database.open(url(), null, null, 2, 1)) {
      // No ready() first: the first use sees the schema created (by the baseline migration, BaselineTests).
      int tables = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'accounts'").mapTo(Integer.class).one());
      assertThat(tables).isEqualTo(1);
    }
  }

  @Test
  void aFailedMigrationIsThrownByEveryUse() throws Exception {
    Database.open(url(), null, null, 2, 1).close();
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE flyway_schema_history SET success = 0");
    }
    try (Database db = Database.open(url(), null, null, 2, 1)) {
      assertThatThrownBy(db::ready).isInstanceOf(FlywayException.class).hasMessageContaining("failed migration");
      assertThatThrownBy(() -> db.read(daos -> 1)).isInstanceOf(FlywayException.class);
      assertThatThrownBy(() -> db.tx(daos -> 1)).isInstanceOf(FlywayException.class);
      assertThat(db.healthy()).isFalse();
    }
  }
}
