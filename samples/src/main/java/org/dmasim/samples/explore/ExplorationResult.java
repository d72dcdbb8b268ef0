package org.dmasim.samples.explore;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmasim.samples.compare.Frequency;
import org.dmasim.samples.drivers.Outcome;

/**
 * What an exhaustive exploration found: the bounds and reductions, whether it ran to the end,
 * the counts (executions run to the end, runs cut at a merged state, distinct states,
 * transitions, choice points visited in all runs, wall time), per outcome the executions and
 * the schedules (counted through merged states) ending in it, and the shortest schedule of each
 * reachable outcome.
 */
public record ExplorationResult(ExplorationBounds bounds, List<String> reductions, boolean complete, long executions,
    long cut, long states, long transitions, long visited, long wallNanos, Map<Outcome, Long> executionsByOutcome,
    Map<Outcome, Long> schedulesByOutcome, Map<Outcome, Schedule> shortest) {
  /** Copies the collections. */
  public ExplorationResult {
    reductions = List.copyOf(reductions);
    executionsByOutcome = copy(executionsByOutcome);
    schedulesByOutcome = copy(schedulesByOutcome);
    shortest = shortest.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(shortest));
  }

  private static <V> Map<Outcome, V> copy(Map<Outcome, V> map) {
    return map.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(map));
  }

  /** Whether some schedule within the bounds ends in {@code outcome}. */
  public boolean reachable(Outcome outcome) {
    return shortest.containsKey(outcome);
  }

  /**
   * {@code Never} when no schedule ends in {@code outcome}, {@code Always} when every one does,
   * {@code Sometimes} otherwise: proven within the bounds when {@link #complete()}.
   */
  public Frequency verdict(Outcome outcome) {
    if (!reachable(outcome)) {
      return Frequency.NEVER;
    }
    return shortest.size() == 1 ? Frequency.ALWAYS : Frequency.SOMETIMES;
  }

  /** The shortest schedule to {@code outcome}, when reachable. */
  public Optional<Schedule> shortestTo(Outcome outcome) {
    return Optional.ofNullable(shortest.get(outcome));
  }

  /** Every schedule within the bounds, counted through merged states (saturating). */
  public long schedules() {
    long total = 0;
    for (long count : schedulesByOutcome.values()) {
      total = total + count < 0 ? Long.MAX_VALUE : total + count;
    }
    return total;
  }

  /** Distinct states per second of wall time. */
  public double statesPerSecond() {
    return wallNanos == 0 ? 0 : states * 1e9 / wallNanos;
  }

  /** Choice points visited per second of wall time, replays included. */
  public double visitedPerSecond() {
    return wallNanos == 0 ? 0 : visited * 1e9 / wallNanos;
  }

  /** Wall time in seconds. */
  public double wallSeconds() {
    return wallNanos / 1e9;
  }
}
