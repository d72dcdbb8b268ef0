package org.dmasim.core;

import java.util.EnumMap;
import java.util.Map;

/**
 * Answers chosen kinds of choice with fixed values and asks another source for the rest:
 * a way to pin one schedule (say, the CPU always wins the bus) while sampling the others.
 */
public final class FixedChoiceSource implements ChoiceSource {
  private final ChoiceSource fallback;
  private final Map<ChoicePoint, Integer> fixed;

  /** Answers the points in {@code fixed} with their value (capped to the options). */
  public FixedChoiceSource(Map<ChoicePoint, Integer> fixed, ChoiceSource fallback) {
    if (fixed == null || fallback == null) {
      throw new IllegalArgumentException("fixed and fallback must not be null");
    }
    fixed.forEach((point, value) -> {
      if (value == null || value < 0) {
        throw new IllegalArgumentException("fixed value for " + point + " must be >= 0, was " + value);
      }
    });
    this.fixed = fixed.isEmpty() ? new EnumMap<>(ChoicePoint.class) : new EnumMap<>(fixed);
    this.fallback = fallback;
  }

  @Override
  public int choose(ChoicePoint point, int options) {
    Integer value = fixed.get(point);
    if (value == null) {
      return fallback.choose(point, options);
    }
    if (options < 1) {
      throw new IllegalArgumentException("options must be >= 1, was " + options + " for " + point);
    }
    return Math.min(value, options - 1);
  }
}
