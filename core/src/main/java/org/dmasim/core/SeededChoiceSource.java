package org.dmasim.core;

import java.util.SplittableRandom;

/**
 * Samples every choice from one seeded generator: yes/no points with the configured rates,
 * the others uniformly. The same seed gives the same answers in the same order.
 */
public final class SeededChoiceSource implements ChoiceSource {
  private final SplittableRandom random;
  private final ChoiceRates rates;
  /** The rates scaled to the 53 random bits of a double: the same answers as nextDouble() < rate, without the double. */
  private final long deviceFirst;
  private final long spontaneousEviction;
  private final long speculativeFill;

  /** A source for {@code seed} with {@code rates} for the yes/no points. */
  public SeededChoiceSource(long seed, ChoiceRates rates) {
    if (rates == null) {
      throw new IllegalArgumentException("rates must not be null");
    }
    this.random = new SplittableRandom(seed);
    this.rates = rates;
    this.deviceFirst = threshold(rates.deviceFirst());
    this.spontaneousEviction = threshold(rates.spontaneousEviction());
    this.speculativeFill = threshold(rates.speculativeFill());
  }

  /**
   * nextDouble() is (nextLong() >>> 11) x 2^-53, so nextDouble() < rate exactly when the 53-bit
   * integer is below rate x 2^53 (exact: a power-of-two scaling), that is below its ceiling.
   */
  private static long threshold(double rate) {
    return (long) Math.ceil(rate * 0x1.0p53);
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
      case BUS_ARBITRATION -> yes(deviceFirst);
      case SPONTANEOUS_EVICTION -> yes(spontaneousEviction);
      case SPECULATIVE_FILL -> yes(speculativeFill);
      default -> random.nextInt(options);
    };
  }

  private int yes(long threshold) {
    return (random.nextLong() >>> 11) < threshold ? 1 : 0;
  }
}
