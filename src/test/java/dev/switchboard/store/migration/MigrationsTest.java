package dev.switchboard.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

/** Flyway sees every V file of a database through the index the build writes, and its baseline. */
class MigrationsTest {
  /** The checksums the released baselines were recorded with (CRC-32 of their scripts). */
  static final int B11_RELEASED = 549446328;
  static final int B12_RELEASED = 1539118427;
  static final int B13_RELEASED = 1591501798;

  @Test
  void postgresqlListsEveryMigrationOfItsFolder() throws IOException {
    assertListsTheFolder(Migrations.postgresql(), "postgresql");
  }

  @Test
  void sqliteListsEveryMigrationOfItsFolder() throws IOException {
    assertListsTheFolder(Migrations.sqlite(), "sqlite");
  }

  @Test
  void theBaselinesAreFlywayBaselinesWithAChecksumOfTheirScript() {
    var postgresql = new B14__PostgresqlBaseline();
    assertThat(postgresql.getVersion().getVersion()).isEqualTo("14");
    assertThat(postgresql.getType().isBaseline()).isTrue();
    assertThat(postgresql.getChecksum()).isNotNull().isEqualTo(new B14__PostgresqlBaseline().getChecksum())
        .isNotEqualTo(new B13__PostgresqlBaseline().getChecksum())
        .isNotEqualTo(new B14__SqliteBaseline().getChecksum());
    var sqlite = new B14__SqliteBaseline();
    assertThat(sqlite.getVersion().getVersion()).isEqualTo("14");
    assertThat(sqlite.getChecksum()).isNotEqualTo(new B11__SqliteBaseline().getChecksum());
    assertThat(Migrations.postgresql().getClasses())
        .containsExactly(B12__PostgresqlBaseline.class, B13__PostgresqlBaseline.class, B14__PostgresqlBaseline.class);
    assertThat(Migrations.sqlite().getClasses()).containsExactly(B11__SqliteBaseline.class, B14__SqliteBaseline.class);
  }

  @Test
  void aReleasedBaselineKeepsItsChecksum() {
    // A store records its baseline's checksum; Flyway refuses to start on one that changed.
    assertThat(new B12__PostgresqlBaseline().getChecksum()).isEqualTo(B12_RELEASED);
    assertThat(new B13__PostgresqlBaseline().getChecksum()).isEqualTo(B13_RELEASED);
    assertThat(new B11__SqliteBaseline().getChecksum()).isEqualTo(B11_RELEASED);
  }

  private static void assertListsTheFolder(Migrations migrations, String folder) throws IOException {
    List<String> files;
    try (Stream<Path> listed = Files.list(Path.of("src/main/resources/db/migration", folder))) {
      files = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
    }
    List<String> seen = migrations.getResources("V", new String[] {".sql"}).stream()
        .map(LoadableResource::getFilename).sorted().toList();
    assertThat(seen).isNotEmpty().isEqualTo(files);
    assertThat(migrations.getResources("R", new String[] {".sql"})).isEmpty();
    LoadableResource first = migrations.getResource(files.getFirst());
    try (Reader reader = first.read()) {
      assertThat(reader.read()).isNotNegative();
    }
    assertThat(migrations.getResource("V999__missing.sql")).isNull();
  }
}
