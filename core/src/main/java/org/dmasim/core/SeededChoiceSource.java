package org.dmasim.core;

import java.util.SplittableRandom;

/**
 * Samples every choice from one seeded generator: yes/no points with the configured rates,
 * the others uniformly. The same seed gives the same answers in the same order.
 */
public final class SeededChoiceSource implements ChoiceSource {
  private final SplittableRandom random;
  private final ChoiceRates rates;

  /** A source for {@code seed} with {@code rates} for the yes/no points. */
  public SeededChoiceSource(long seed, ChoiceRates rates) {
    if (rates == null) {
      throw new IllegalArgumentException("rates must not be null");
    }
    this.random = new SplittableRandom(seed);
    this.rates = rates;
  }

  @Override
  public int choose(ChoicePoint point, int options) {
    if (options < 1) {
      throw new IllegalArgumentException("options must be >= 1, was " + options + " for " + point);
    }
    if (options == 1) {
      return 0;
    }
    return switch (point) {
      case BUS_ARBITRATION -> yes(rates.deviceFirst());
      case SPONTANEOUS_EVICTION -> yes(rates.spontaneousEviction());
      case SPECULATIVE_FILL -> yes(rates.speculativeFill());
      default -> random.nextInt(options);
    };
  }

  private int yes(double rate) {
    return random.nextDouble() < rate ? 1 : 0;
  }
}
