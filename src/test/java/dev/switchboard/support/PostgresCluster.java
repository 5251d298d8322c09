package dev.switchboard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, one per test JVM. With SWITCHBOARD_TEST_POSTGRES_URL (a JDBC URL
 * with user and password of a role that may CREATE DATABASE) it uses that server; otherwise it
 * starts a private cluster from the installed PostgreSQL binaries (Debian's postgresql package) in a
 * temporary directory, as the postgres user when the tests run as root. No PostgreSQL is a failure,
 * not a skip: every store test must run on both databases.
 */
public final class PostgresCluster {
  private static PostgresCluster instance;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String host;
  private final int port;
  private final String user;
  private final String password;

  private PostgresCluster(String host, int port, String user, String password) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  public static synchronized PostgresCluster get() {
    if (instance == null) {
      String url = System.getenv("SWITCHBOARD_TEST_POSTGRES_URL");
      instance = url != null && !url.isBlank() ? fromUrl(url) : startPrivate();
    }
    return instance;
  }

  /** A fresh, empty database: its JDBC URL without credentials. */
  public String createDatabase() {
    String name = "sb_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
      c.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static PostgresCluster fromUrl(String url) {
    // jdbc:postgresql://host:port/db?user=u&password=p
    java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
    String user = "postgres";
    String password = "";
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals("user")) {
          user = kv[1];
        } else if (kv[0].equals("password")) {
          password = kv[1];
        }
      }
    }
    return new PostgresCluster(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
  }

  private static PostgresCluster startPrivate() {
    Path bin = findBinaries();
    try {
      Path dir = Files.createTempDirectory("switchboard-pg");
      Path data = dir.resolve("data");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
      }
      int port = ServerProcess.freePort();
      run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--no-sync"), root);
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
          "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
              + " -c max_connections=300",
          "start"), root);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
          try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        } catch (IOException | RuntimeException ignored) {
          // best effort at exit
        }
      }));
      return new PostgresCluster("127.0.0.1", port, "postgres", "");
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL for the tests: " + e.getMessage(), e);
    }
  }

  private static Path findBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("PostgreSQL binaries not found under /usr/lib/postgresql: install the "
          + "postgresql package (.ci/run does) or set SWITCHBOARD_TEST_POSTGRES_URL");
    }
  }

  private static void run(List<String> command, boolean asPostgres) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", full) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
