package org.dmasim.samples.compare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dmasim.samples.drivers.Outcome;

/**
 * What an exhaustive exploration adds to a cell's result: whether every schedule within the
 * bounds was explored, the executions explored to the end, the runs cut at a merged state, the
 * distinct states and transitions, the schedules within the bounds ending in each outcome
 * (counted through merged states, saturating), the bounds and reductions in words, and for
 * each reachable failure its shortest schedule.
 */
public record ExhaustiveCell(boolean complete, long executions, long cut, long states, long transitions,
    Map<Outcome, Long> schedules, String bounds, List<String> reductions, Map<Outcome, Shortest> shortest) {
  /**
   * The shortest schedule to a failure: its non-quiet answers, all its choices, and each
   * non-quiet answer in words ({@code choice n/N: POINT = value of options: meaning}).
   */
  public record Shortest(int nonQuiet, int choices, List<String> steps) {
    /** Copies the list. */
    public Shortest {
      steps = List.copyOf(steps);
    }
  }

  /** Copies the collections. */
  public ExhaustiveCell {
    schedules = schedules.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(schedules));
    reductions = List.copyOf(reductions);
    shortest = shortest.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(shortest));
  }
}
