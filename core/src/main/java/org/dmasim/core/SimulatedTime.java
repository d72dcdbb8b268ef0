package org.dmasim.core;

/**
 * The one clock of a simulated machine, in CPU cycles, and the event queue that CPU steps
 * and DMA bursts share. Events run in time order; events at the same time run in the order
 * they were scheduled.
 */
public interface SimulatedTime {
  /** The current time in cycles. */
  long now();

  /** Moves the clock forward by {@code cycles} of CPU work; runs no event. */
  void advance(long cycles);

  /** Schedules {@code action} to run {@code delay} cycles from now. */
  void schedule(long delay, Runnable action);

  /** Whether an event is due: scheduled at or before {@link #now()}. */
  boolean eventDue();

  /** Runs the earliest due event; returns false when none is due. */
  boolean runDueEvent();

  /** Whether any event is scheduled at all. */
  boolean hasPendingEvents();

  /** Moves the clock to the earliest pending event (if it lies ahead) and runs it. */
  boolean runNextEvent();
}
