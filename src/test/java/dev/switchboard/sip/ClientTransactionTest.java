package dev.switchboard.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sip.ClientTransaction.Action;
import dev.switchboard.sip.ClientTransaction.State;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.1.2 figure 6, driven with explicit times (T1 500, T2 4000, T4 5000). */
class ClientTransactionTest {
  static final ClientTransaction.Timers T = ClientTransaction.Timers.RFC3261;

  @Test
  void over_udp_timer_e_doubles_up_to_t2_and_timer_f_gives_up_after_64_t1() {
    ClientTransaction tx = new ClientTransaction(false, T, 0);
    long[] expected = {500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500};
    for (long at : expected) {
      assertThat(tx.nextDeadline()).isEqualTo(at);
      assertThat(tx.onTimer(at)).isEqualTo(Action.RETRANSMIT);
    }
    assertThat(tx.nextDeadline()).isEqualTo(32_000);
    assertThat(tx.onTimer(32_000)).isEqualTo(Action.TIMEOUT);
    assertThat(tx.state()).isEqualTo(State.TERMINATED);
    assertThat(tx.nextDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void a_provisional_moves_to_proceeding_where_retransmissions_come_every_t2() {
    ClientTransaction tx = new ClientTransaction(false, T, 0);
    assertThat(tx.onResponse(100, 100)).isEqualTo(Action.PROVISIONAL);
    assertThat(tx.state()).isEqualTo(State.PROCEEDING);
    assertThat(tx.onTimer(500)).isEqualTo(Action.RETRANSMIT);
    assertThat(tx.nextDeadline()).isEqualTo(4500);
    assertThat(tx.onTimer(4500)).isEqualTo(Action.RETRANSMIT);
    assertThat(tx.nextDeadline()).isEqualTo(8500);
  }

  @Test
  void a_final_response_completes_then_timer_k_absorbs_retransmissions_until_t4() {
    ClientTransaction tx = new ClientTransaction(false, T, 0);
    assertThat(tx.onResponse(200, 700)).isEqualTo(Action.FINAL);
    assertThat(tx.state()).isEqualTo(State.COMPLETED);
    assertThat(tx.onResponse(200, 800)).isEqualTo(Action.ABSORB);
    assertThat(tx.nextDeadline()).isEqualTo(5700);
    assertThat(tx.onTimer(5700)).isEqualTo(Action.NONE);
    assertThat(tx.state()).isEqualTo(State.TERMINATED);
  }

  @Test
  void over_tcp_nothing_is_retransmitted_and_a_final_response_terminates_at_once() {
    ClientTransaction tx = new ClientTransaction(true, T, 0);
    assertThat(tx.nextDeadline()).isEqualTo(32_000);
    assertThat(tx.onTimer(10_000)).isEqualTo(Action.NONE);
    assertThat(tx.onResponse(404, 10_001)).isEqualTo(Action.FINAL);
    assertThat(tx.state()).isEqualTo(State.TERMINATED);
  }

  @Test
  void over_tcp_timer_f_still_times_out() {
    ClientTransaction tx = new ClientTransaction(true, T, 0);
    assertThat(tx.onTimer(32_000)).isEqualTo(Action.TIMEOUT);
  }
}
