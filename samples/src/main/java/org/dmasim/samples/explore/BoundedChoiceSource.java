package org.dmasim.samples.explore;

import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;

/**
 * Asks another source within {@link ExplorationBounds}: once a run has spent its budget of a
 * yes/no point, the point is answered 0 without asking; the device's latency is asked with the
 * bounded number of options. A seeded source wrapped in it samples exactly the schedules the
 * explorer enumerates, so what sampling observes the explorer must find.
 */
public final class BoundedChoiceSource implements ChoiceSource {
  private final ChoiceSource delegate;
  private final ExplorationBounds.Budget budget;

  /** {@code delegate}'s answers within {@code bounds}. */
  public BoundedChoiceSource(ExplorationBounds bounds, ChoiceSource delegate) {
    if (bounds == null || delegate == null) {
      throw new IllegalArgumentException("bounds and delegate must not be null");
    }
    this.delegate = delegate;
    this.budget = new ExplorationBounds.Budget(bounds);
  }

  @Override
  public int choose(ChoicePoint point, int options) {
    if (options < 1) {
      throw new IllegalArgumentException("options must be >= 1, was " + options + " for " + point);
    }
    int allowed = options == 1 ? 1 : budget.allowed(point, options);
    int value = allowed == 1 ? 0 : delegate.choose(point, allowed);
    if (value < 0 || value >= allowed) {
      throw new IllegalStateException("The source answered " + value + " for " + point + " with " + allowed
          + " options");
    }
    budget.spend(point, value);
    return value;
  }
}
