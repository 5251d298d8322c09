package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native library's copy beside the database: made once, checked on reuse, replaced when damaged. */
class SqliteLibraryTest {
  @TempDir Path dir;
  private String path;
  private String name;

  @BeforeEach
  void save() {
    path = System.clearProperty("org.sqlite.lib.path");
    name = System.clearProperty("org.sqlite.lib.name");
  }

  @AfterEach
  void restore() {
    System.clearProperty("org.sqlite.lib.path");
    System.clearProperty("org.sqlite.lib.name");
    if (path != null) {
      System.setProperty("org.sqlite.lib.path", path);
    }
    if (name != null) {
      System.setProperty("org.sqlite.lib.name", name);
    }
  }

  @Test
  void a_damaged_copy_is_replaced_and_sqlite_jdbc_is_pointed_at_it() throws Exception {
    SqliteLibrary.useCopy(dir);
    // In the tests sqlite-jdbc is its own jar in the Maven repository: the copy goes beside the database.
    assertThat(System.getProperty("org.sqlite.lib.name")).as("sqlite-jdbc's own name, for its fallback").isNull();
    Path copy = Path.of(System.getProperty("org.sqlite.lib.path"), System.mapLibraryName("sqlitejdbc"));
    assertThat(copy.getParent().getParent()).isEqualTo(dir.resolve(".sqlite-native"));
    byte[] good = Files.readAllBytes(copy);
    assertThat(good.length).isGreaterThan(100_000);

    byte[] damaged = good.clone();
    damaged[damaged.length / 2] ^= 1;
    Files.write(copy, damaged);
    System.clearProperty("org.sqlite.lib.path");
    SqliteLibrary.useCopy(dir);
    assertThat(Files.readAllBytes(copy)).isEqualTo(good);
    try (var files = Files.list(copy.getParent().getParent())) {
      assertThat(files).containsExactly(copy.getParent());
    }
  }

  @Test
  void without_a_directory_sqlite_jdbc_is_left_alone() {
    SqliteLibrary.useCopy(null);
    assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
  }
}
