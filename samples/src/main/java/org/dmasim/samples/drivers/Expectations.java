package org.dmasim.samples.drivers;

import java.util.EnumMap;
import java.util.Map;

/** A driver's grade and one-line description for every outcome. */
public record Expectations(Map<Outcome, Grade> grades, Map<Outcome, String> descriptions) {
  /** Checks every outcome is graded and described. */
  public Expectations {
    for (Outcome outcome : Outcome.values()) {
      if (!grades.containsKey(outcome) || !descriptions.containsKey(outcome)) {
        throw new IllegalArgumentException("Expectations must grade and describe every outcome, missing " + outcome);
      }
    }
    grades = Map.copyOf(new EnumMap<>(grades));
    descriptions = Map.copyOf(new EnumMap<>(descriptions));
  }

  /** OK acceptable, every failure forbidden, each with the given description. */
  public static Expectations okOnly(String ok, String staleRead, String corrupted, String writeLost) {
    return new Expectations(
        Map.of(Outcome.OK, Grade.ACCEPTABLE, Outcome.STALE_READ, Grade.FORBIDDEN,
            Outcome.DMA_DATA_CORRUPTED, Grade.FORBIDDEN, Outcome.CPU_WRITE_LOST, Grade.FORBIDDEN),
        Map.of(Outcome.OK, ok, Outcome.STALE_READ, staleRead, Outcome.DMA_DATA_CORRUPTED, corrupted,
            Outcome.CPU_WRITE_LOST, writeLost));
  }

  /** The grade of {@code outcome}. */
  public Grade grade(Outcome outcome) {
    return grades.get(outcome);
  }
}
