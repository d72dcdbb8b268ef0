package org.dmasim.core;

/**
 * How often a seeded source answers "something happens" for the yes/no choice points: the
 * chance that a due device burst wins the bus over a CPU step, that a line is evicted
 * spontaneously at a step, and that a speculative fill happens at a step.
 */
public record ChoiceRates(double deviceFirst, double spontaneousEviction, double speculativeFill) {
  /** The rates used unless a configuration says otherwise. */
  public static final ChoiceRates DEFAULT = new ChoiceRates(0.5, 0.05, 0.1);

  /** Checks every rate is a probability. */
  public ChoiceRates {
    check("deviceFirst", deviceFirst);
    check("spontaneousEviction", spontaneousEviction);
    check("speculativeFill", speculativeFill);
  }

  private static void check(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
    }
  }
}
