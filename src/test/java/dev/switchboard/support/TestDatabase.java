package dev.switchboard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A fresh database for one test class: a SQLite file in a temp dir, or a new PostgreSQL database. */
public record TestDatabase(String kind, String url, String user, String password) {

  public static TestDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("switchboard-sqlite");
      return new TestDatabase("sqlite", "jdbc:sqlite:" + dir.resolve("switchboard.db"), "", "");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestDatabase postgres() {
    PostgresCluster cluster = PostgresCluster.get();
    return new TestDatabase("postgresql", cluster.createDatabase(), cluster.user(), cluster.password());
  }

  /** The environment that points a Switchboard process at this database. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("SWITCHBOARD_DATABASE_URL", url);
    env.put("SWITCHBOARD_DATABASE_USER", user);
    env.put("SWITCHBOARD_DATABASE_PASSWORD", password);
    return env;
  }

  /** A direct connection, for the few fixtures no API can make yet (e.g. blocking an account). */
  public Connection connect() throws SQLException {
    return user.isEmpty() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }

  /** Now, as a parameter of a raw INSERT: epoch milliseconds on SQLite, a timestamp on PostgreSQL. */
  public Object now() {
    return kind.equals("sqlite") ? (Object) System.currentTimeMillis() : Timestamp.from(Instant.now());
  }

  public void execute(String sql, Object... args) {
    try (Connection c = connect(); var st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
