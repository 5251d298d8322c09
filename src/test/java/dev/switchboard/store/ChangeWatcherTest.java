package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.core.Notification;

class ChangeWatcherTest {
  static Notification note(String payload) {
    return new Notification(ChangeWatcher.CHANNEL, 42, payload);
  }

  @Test
  void only_notifications_that_all_say_insert_count_as_inserts() {
    assertThat(ChangeWatcher.writeOf(note("INSERT"))).isEqualTo(Changes.Write.INSERT);
    assertThat(ChangeWatcher.writeOf(note("INSERT"), note("INSERT"))).isEqualTo(Changes.Write.INSERT);
    assertThat(ChangeWatcher.writeOf(note("INSERT"), note("UPDATE"))).isEqualTo(Changes.Write.REWRITE);
    assertThat(ChangeWatcher.writeOf(note("DELETE"))).isEqualTo(Changes.Write.REWRITE);
    assertThat(ChangeWatcher.writeOf(note("TRUNCATE"))).isEqualTo(Changes.Write.REWRITE);
    assertThat(ChangeWatcher.writeOf(note(""))).as("a trigger older than V13").isEqualTo(Changes.Write.REWRITE);
  }
}
