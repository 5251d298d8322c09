package dev.switchboard.sip;

/**
 * The non-INVITE client transaction state machine of RFC 3261 §17.1.2 (figure 6), without I/O: the
 * caller feeds it time and responses and does what it answers. Over UDP Timer E retransmits at
 * T1, 2*T1, ... capped at T2 (at T2 once a provisional came), Timer F gives up after 64*T1; Timer K
 * (T4 over UDP, 0 over TCP) absorbs retransmitted final responses. Not thread-safe: one driver.
 */
final class ClientTransaction {
  enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

  enum Action { NONE, RETRANSMIT, TIMEOUT, PROVISIONAL, FINAL, ABSORB }

  /** The timer base values (§17.1.2.2, table 4). */
  record Timers(long t1, long t2, long t4) {
    static final Timers RFC3261 = new Timers(500, 4000, 5000);
  }

  private final boolean reliable;
  private final Timers timers;
  private State state = State.TRYING;
  private long interval;
  private long timerE;
  private final long timerF;
  private long timerK;

  ClientTransaction(boolean reliable, Timers timers, long now) {
    this.reliable = reliable;
    this.timers = timers;
    this.interval = timers.t1();
    this.timerE = reliable ? Long.MAX_VALUE : now + interval;
    this.timerF = now + 64 * timers.t1();
  }

  State state() {
    return state;
  }

  /** When {@link #onTimer} should be called next; Long.MAX_VALUE once terminated. */
  long nextDeadline() {
    return switch (state) {
      case TRYING, PROCEEDING -> Math.min(timerE, timerF);
      case COMPLETED -> timerK;
      case TERMINATED -> Long.MAX_VALUE;
    };
  }

  Action onTimer(long now) {
    switch (state) {
      case TRYING, PROCEEDING -> {
        if (now >= timerF) {
          state = State.TERMINATED;
          return Action.TIMEOUT;
        }
        if (now >= timerE) {
          interval = state == State.TRYING ? Math.min(2 * interval, timers.t2()) : timers.t2();
          timerE = now + interval;
          return Action.RETRANSMIT;
        }
        return Action.NONE;
      }
      case COMPLETED -> {
        if (now >= timerK) {
          state = State.TERMINATED;
        }
        return Action.NONE;
      }
      default -> {
        return Action.NONE;
      }
    }
  }

  Action onResponse(int status, long now) {
    switch (state) {
      case TRYING, PROCEEDING -> {
        if (status < 200) {
          if (state == State.TRYING && !reliable) {
            timerE = Math.min(timerE, now + timers.t2());
          }
          state = State.PROCEEDING;
          return Action.PROVISIONAL;
        }
        state = reliable ? State.TERMINATED : State.COMPLETED;
        timerK = reliable ? now : now + timers.t4();
        return Action.FINAL;
      }
      case COMPLETED -> {
        return Action.ABSORB;
      }
      default -> {
        return Action.ABSORB;
      }
    }
  }
}
