package dev.switchboard.flexiapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadCachesPostgresIT extends ReadCachesTests {
  /** The tables whose writes no cache depends on (V12 leaves them without the trigger). */
  static final List<String> SOFT_STATE = List.of("digest_nonces", "location", "outbox", "statistics_calls",
      "statistics_call_devices", "statistics_messages", "statistics_message_devices", "version", "hermes_sessions",
      "kazoo_revoked_tokens",
      "flyway_schema_history");

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }

  @Test
  void every_table_a_cache_may_read_notifies_its_changes() throws Exception {
    List<String> silent = new ArrayList<>();
    try (var c = db.connect(); var rs = c.createStatement().executeQuery(
        "SELECT table_name FROM information_schema.tables t WHERE table_schema = current_schema()"
            + " AND table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.triggers g"
            + " WHERE g.event_object_table = t.table_name AND g.trigger_name = t.table_name || '_changed')")) {
      while (rs.next()) {
        silent.add(rs.getString(1));
      }
    }
    assertThat(silent).as("tables without the change trigger: add them to V12's successor or to SOFT_STATE")
        .containsExactlyInAnyOrderElementsOf(SOFT_STATE);
  }

  @Test
  void each_notification_says_what_kind_of_write() throws Exception {
    try (var listener = db.connect(); var writer = db.connect()) {
      listener.createStatement().execute("LISTEN switchboard_changes");
      var st = writer.createStatement();
      st.execute("INSERT INTO domains (uuid, name, created_at, updated_at)"
          + " VALUES ('kinds', 'kinds.example', now(), now())");
      st.execute("UPDATE domains SET updated_at = now() WHERE uuid = 'kinds'");
      st.execute("DELETE FROM domains WHERE uuid = 'kinds'");
      List<String> kinds = new ArrayList<>();
      var pg = listener.unwrap(org.postgresql.PGConnection.class);
      for (int i = 0; i < 50 && kinds.size() < 3; i++) {
        var notes = pg.getNotifications(100);
        if (notes != null) {
          for (var note : notes) {
            kinds.add(note.getParameter());
          }
        }
      }
      assertThat(kinds).containsExactly("INSERT", "UPDATE", "DELETE");
    }
  }
}
