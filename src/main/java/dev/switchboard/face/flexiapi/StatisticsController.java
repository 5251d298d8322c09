package dev.switchboard.face.flexiapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.core.statistics.StatisticsService;
import dev.switchboard.store.StatisticsDao;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/** /api/statistics: what Flexisip announces about messages and calls, and daily counts for operators. */
final class StatisticsController {
  private final StatisticsService statistics;

  StatisticsController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  record MessageJson(String id, String from, @JsonProperty("sent_at") Instant sentAt, boolean encrypted,
      @JsonProperty("conference_id") String conferenceId) {
    static MessageJson of(StatisticsDao.Message m) {
      return new MessageJson(m.id(), m.fromAddress(), m.sentAt(), m.encrypted(), m.conferenceId());
    }
  }

  record CallJson(String id, String from, String to, @JsonProperty("initiated_at") Instant initiatedAt,
      @JsonProperty("ended_at") Instant endedAt, @JsonProperty("conference_id") String conferenceId) {
    static CallJson of(StatisticsDao.Call c) {
      return new CallJson(c.id(), c.fromAddress(), c.toAddress(), c.initiatedAt(), c.endedAt(), c.conferenceId());
    }
  }

  void createMessage(Context ctx) {
    Input in = Input.of(ctx);
    ctx.status(201).json(MessageJson.of(statistics.createMessage(in.string("id"), in.string("from"),
        in.string("sent_at"), in.bool("encrypted"), in.string("conference_id"))));
  }

  void messageDevice(Context ctx) {
    Input in = Input.of(ctx);
    statistics.messageDevice(ctx.pathParam("message_id"), ctx.pathParam("to"), ctx.pathParam("device_id"),
        in.integer("last_status"), in.string("received_at"));
    ctx.json(Map.of());
  }

  void createCall(Context ctx) {
    Input in = Input.of(ctx);
    ctx.status(201).json(CallJson.of(statistics.createCall(in.string("id"), in.string("from"), in.string("to"),
        in.string("initiated_at"), in.string("ended_at"), in.string("conference_id"))));
  }

  void callDevice(Context ctx) {
    Input in = Input.of(ctx);
    statistics.callDevice(ctx.pathParam("call_id"), ctx.pathParam("device_id"), in.string("rang_at"),
        in.nested("invite_terminated", "at"), in.nested("invite_terminated", "state"));
    ctx.json(Map.of());
  }

  void endCall(Context ctx) {
    ctx.json(CallJson.of(statistics.endCall(ctx.pathParam("call_id"), Input.of(ctx).string("ended_at"))));
  }

  void dailyMessages(Context ctx) {
    daily(ctx, false);
  }

  void dailyCalls(Context ctx) {
    daily(ctx, true);
  }

  private void daily(Context ctx, boolean calls) {
    ctx.json(statistics.daily(FlexiAuth.principal(ctx).account(), calls, ctx.queryParam("from"), ctx.queryParam("to"),
        ctx.queryParam("domain")).stream().map(d -> Map.of("day", d.day().toString(), "count", d.count())).toList());
  }
}
