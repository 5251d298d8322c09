package dev.switchboard.store.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.baseline.BaselineJavaMigration;

/**
 * A baseline migration: the V files up to its version, joined at build time into one script (pom.xml),
 * sent to the database as one statement. Flyway would parse the script and send its statements one by
 * one, which was half of a first start's migration on PostgreSQL; both drivers run a script of many
 * statements themselves (pgjdbc in one round trip, sqlite-jdbc through sqlite3_exec). Flyway runs it
 * in its transaction, and only on a new store (its name, B&lt;version&gt;__, makes it a baseline).
 */
abstract class ScriptBaseline extends BaselineJavaMigration {
  private final String resource;
  private final String script;

  ScriptBaseline(String resource) {
    this.resource = resource;
    this.script = Migrations.text(resource);
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(script.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.executeUpdate(script);
    }
  }

  @Override
  public String toString() {
    return resource;
  }
}
