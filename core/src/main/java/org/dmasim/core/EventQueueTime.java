package org.dmasim.core;

import java.util.Arrays;

/**
 * A clock with a priority queue of events ordered by time, then by scheduling order. The
 * queue is a binary heap over parallel arrays, so scheduling and running an event allocate
 * nothing once the arrays have grown to the number of events pending at once.
 */
final class EventQueueTime implements SimulatedTime, Restorable {
  private long[] times = new long[8];
  private long[] sequences = new long[8];
  private Runnable[] actions = new Runnable[8];
  private int size;
  private long now;
  private long sequence;

  @Override
  public long now() {
    return now;
  }

  @Override
  public void advance(long cycles) {
    if (cycles < 0) {
      throw new IllegalArgumentException("cycles must not be negative, was " + cycles);
    }
    now += cycles;
  }

  @Override
  public void schedule(long delay, Runnable action) {
    if (delay < 0) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      sequences = Arrays.copyOf(sequences, size * 2);
      actions = Arrays.copyOf(actions, size * 2);
    }
    long time = now + delay;
    long order = sequence++;
    int at = size++;
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!before(time, order, parent)) {
        break;
      }
      move(parent, at);
      at = parent;
    }
    times[at] = time;
    sequences[at] = order;
    actions[at] = action;
  }

  @Override
  public boolean eventDue() {
    return size > 0 && times[0] <= now;
  }

  @Override
  public boolean runDueEvent() {
    if (!eventDue()) {
      return false;
    }
    removeFirst().run();
    return true;
  }

  @Override
  public boolean hasPendingEvents() {
    return size > 0;
  }

  @Override
  public boolean runNextEvent() {
    if (size == 0) {
      return false;
    }
    now = Math.max(now, times[0]);
    removeFirst().run();
    return true;
  }

  /** Saves the clock; only with no event pending (events are actions of parts that cannot be copied). */
  @Override
  public Runnable checkpoint() {
    if (size > 0) {
      throw new IllegalStateException("The clock can only be saved with no event pending; " + size + " are");
    }
    long savedNow = now;
    long savedSequence = sequence;
    return () -> {
      Arrays.fill(actions, 0, size, null);
      size = 0;
      now = savedNow;
      sequence = savedSequence;
    };
  }

  /** Whether an event at {@code time} scheduled as {@code order} runs before the one at {@code index}. */
  private boolean before(long time, long order, int index) {
    return time != times[index] ? time < times[index] : order < sequences[index];
  }

  private void move(int from, int to) {
    times[to] = times[from];
    sequences[to] = sequences[from];
    actions[to] = actions[from];
  }

  private Runnable removeFirst() {
    Runnable first = actions[0];
    int last = --size;
    long time = times[last];
    long order = sequences[last];
    Runnable action = actions[last];
    actions[last] = null;
    if (last > 0) {
      int at = 0;
      while (true) {
        int child = 2 * at + 1;
        if (child >= last) {
          break;
        }
        if (child + 1 < last && before(times[child + 1], sequences[child + 1], child)) {
          child++;
        }
        if (!(times[child] != time ? times[child] < time : sequences[child] < order)) {
          break;
        }
        move(child, at);
        at = child;
      }
      times[at] = time;
      sequences[at] = order;
      actions[at] = action;
    }
    return first;
  }
}
