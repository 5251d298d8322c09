package dev.switchboard.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * One database's migrations, for Flyway without a classpath scan: the V files named by the index the
 * build writes beside them (pom.xml), and the baselines. Flyway's scan walked every entry of the jar
 * (27,000) on each start.
 */
public final class Migrations implements ResourceProvider, ClassProvider<JavaMigration> {
  private final List<LoadableResource> scripts;
  private final List<Class<? extends JavaMigration>> baselines;

  /** Flyway runs the newest baseline on a new store; the older ones are for the stores that ran them. */
  @SafeVarargs
  private Migrations(String folder, Class<? extends JavaMigration>... baselines) {
    this.baselines = List.of(baselines);
    String index = text(folder + "/index");
    this.scripts = Arrays.stream(index.split("\n")).map(String::strip).filter(name -> !name.isEmpty())
        .<LoadableResource>map(name -> new Script(folder, name)).toList();
  }

  public static Migrations postgresql() {
    return new Migrations("db/migration/postgresql", B12__PostgresqlBaseline.class, B13__PostgresqlBaseline.class,
        B14__PostgresqlBaseline.class);
  }

  public static Migrations sqlite() {
    return new Migrations("db/migration/sqlite", B11__SqliteBaseline.class, B14__SqliteBaseline.class);
  }

  @Override
  public LoadableResource getResource(String name) {
    return scripts.stream().filter(s -> s.getRelativePath().equals(name)).findFirst().orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return scripts.stream()
        .filter(s -> s.getFilename().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith))
        .toList();
  }

  @Override
  public Collection<Class<? extends JavaMigration>> getClasses() {
    return baselines;
  }

  /** A text file of the build, on the classpath; thrown when the build lacks it. */
  static String text(String path) {
    try (InputStream in = resource(path).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL resource(String path) {
    URL url = Migrations.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalStateException(path + " is missing from the build");
    }
    return url;
  }

  /** A V file on the classpath; its relative path is its name, as Flyway's scan recorded it. */
  private static final class Script extends LoadableResource {
    private final String path;
    private final String name;

    Script(String folder, String name) {
      this.path = folder + "/" + name;
      this.name = name;
    }

    @Override
    public Reader read() {
      try {
        return new InputStreamReader(resource(path).openStream(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String getAbsolutePath() {
      return path;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return resource(path).getPath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
