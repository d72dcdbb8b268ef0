package org.dmasim.core;

import java.util.PriorityQueue;

/** A clock with a priority queue of events ordered by time, then by scheduling order. */
final class EventQueueTime implements SimulatedTime {
  private record Event(long time, long sequence, Runnable action) {}

  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
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
    queue.add(new Event(now + delay, sequence++, action));
  }

  @Override
  public boolean eventDue() {
    Event head = queue.peek();
    return head != null && head.time <= now;
  }

  @Override
  public boolean runDueEvent() {
    if (!eventDue()) {
      return false;
    }
    queue.poll().action.run();
    return true;
  }

  @Override
  public boolean hasPendingEvents() {
    return !queue.isEmpty();
  }

  @Override
  public boolean runNextEvent() {
    Event next = queue.poll();
    if (next == null) {
      return false;
    }
    now = Math.max(now, next.time);
    next.action.run();
    return true;
  }
}
