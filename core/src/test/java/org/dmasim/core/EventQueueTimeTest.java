package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTimeTest {
  private final EventQueueTime time = new EventQueueTime();
  private final List<String> ran = new ArrayList<>();

  private Runnable log(String name) {
    return () -> ran.add(name + "@" + time.now());
  }

  @Test
  void aNewClockIsAtZeroWithNothingPending() {
    assertThat(time.now()).isZero();
    assertThat(time.hasPendingEvents()).isFalse();
    assertThat(time.eventDue()).isFalse();
    assertThat(time.runDueEvent()).isFalse();
    assertThat(time.runNextEvent()).isFalse();
    assertThat(time.now()).isZero();
  }

  @Test
  void advanceMovesTheClockAndRunsNoEvent() {
    time.schedule(5, log("e"));

    time.advance(7);
    time.advance(0);

    assertThat(time.now()).isEqualTo(7);
    assertThat(ran).isEmpty();
    assertThat(time.hasPendingEvents()).isTrue();
  }

  @Test
  void eventsRunInTimeOrderThenInSchedulingOrder() {
    time.schedule(30, log("c"));
    time.schedule(10, log("a1"));
    time.schedule(20, log("b"));
    time.schedule(10, log("a2"));
    time.schedule(10, log("a3"));

    while (time.runNextEvent()) {
      // drain
    }

    assertThat(ran).containsExactly("a1@10", "a2@10", "a3@10", "b@20", "c@30");
    assertThat(time.hasPendingEvents()).isFalse();
  }

  @Test
  void eventsScheduledAtTheSameTimeFromDifferentNowsKeepSchedulingOrder() {
    time.schedule(10, log("first"));
    time.advance(4);
    time.schedule(6, log("second"));

    time.runNextEvent();
    time.runNextEvent();

    assertThat(ran).containsExactly("first@10", "second@10");
  }

  @Test
  void anEventIsDueOnlyOnceTheClockReachesIt() {
    time.schedule(5, log("e"));

    time.advance(4);
    assertThat(time.eventDue()).isFalse();
    assertThat(time.runDueEvent()).isFalse();
    assertThat(ran).isEmpty();

    time.advance(1);
    assertThat(time.eventDue()).isTrue();
    assertThat(time.runDueEvent()).isTrue();
    assertThat(ran).containsExactly("e@5");
    assertThat(time.eventDue()).isFalse();
    assertThat(time.hasPendingEvents()).isFalse();
  }

  @Test
  void runDueEventRunsOnlyTheEarliestDueEventAndDoesNotMoveTheClock() {
    time.schedule(3, log("b"));
    time.schedule(1, log("a"));
    time.schedule(50, log("later"));
    time.advance(10);

    assertThat(time.runDueEvent()).isTrue();
    assertThat(ran).containsExactly("a@10");
    assertThat(time.runDueEvent()).isTrue();
    assertThat(time.runDueEvent()).isFalse();
    assertThat(ran).containsExactly("a@10", "b@10");
    assertThat(time.now()).isEqualTo(10);
    assertThat(time.hasPendingEvents()).isTrue();
  }

  @Test
  void aZeroDelayEventIsDueImmediately() {
    time.advance(9);
    time.schedule(0, log("now"));

    assertThat(time.eventDue()).isTrue();
    assertThat(time.runDueEvent()).isTrue();
    assertThat(ran).containsExactly("now@9");
  }

  @Test
  void runNextEventMovesTheClockForwardToTheEvent() {
    time.schedule(25, log("e"));

    assertThat(time.runNextEvent()).isTrue();

    assertThat(time.now()).isEqualTo(25);
    assertThat(ran).containsExactly("e@25");
  }

  @Test
  void runNextEventNeverMovesTheClockBackward() {
    time.schedule(5, log("overdue"));
    time.advance(40);

    assertThat(time.runNextEvent()).isTrue();

    assertThat(time.now()).isEqualTo(40);
    assertThat(ran).containsExactly("overdue@40");
  }

  @Test
  void anEventMayScheduleAnotherRelativeToTheTimeItRuns() {
    time.schedule(10, () -> {
      ran.add("outer@" + time.now());
      time.schedule(5, log("inner"));
    });
    time.schedule(12, log("between"));

    while (time.runNextEvent()) {
      // drain
    }

    assertThat(ran).containsExactly("outer@10", "between@12", "inner@15");
    assertThat(time.now()).isEqualTo(15);
  }

  @Test
  void negativeDelayIsRejectedAndNothingIsScheduled() {
    assertThatThrownBy(() -> time.schedule(-1, log("x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay").hasMessageContaining("-1");
    assertThat(time.hasPendingEvents()).isFalse();
  }

  @Test
  void negativeCyclesAreRejectedAndTheClockStays() {
    time.advance(3);

    assertThatThrownBy(() -> time.advance(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycles").hasMessageContaining("-2");
    assertThat(time.now()).isEqualTo(3);
  }
}
