package org.dmasim.samples.compare;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dmasim.samples.drivers.Outcome;

/**
 * The result of one cell over all its runs: outcome counts (every outcome present), the
 * verdict against the driver's expectations, debug findings by class, the mean cost, and
 * the first failure replayed with its trace; or, for a strategy that cannot run on the
 * profile at all, why not. Debug counts are findings summed over the cell's runs. An
 * exhaustively explored cell also carries {@link ExhaustiveCell}: its runs are the executions
 * explored to the end.
 */
public record CellResult(CellKey key, int runs, Map<Outcome, Integer> outcomes, Expectation expectation,
    SortedMap<String, Long> debug, CostSummary cost, Optional<FailureExample> failure,
    Optional<String> notApplicable, Optional<ExhaustiveCell> exhaustive) {
  /** Copies the maps, filling absent outcomes with 0; checks the parts are present. */
  public CellResult {
    if (key == null || expectation == null || debug == null || cost == null || failure == null
        || notApplicable == null || exhaustive == null) {
      throw new IllegalArgumentException("cell key, expectation, debug counts, cost, failure, notApplicable and"
          + " exhaustive must not be null");
    }
    Map<Outcome, Integer> all = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      all.put(outcome, outcomes.getOrDefault(outcome, 0));
    }
    outcomes = java.util.Collections.unmodifiableMap(all);
    debug = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(debug));
  }

  /** A sampled cell, or one whose strategy cannot run on its profile. */
  public CellResult(CellKey key, int runs, Map<Outcome, Integer> outcomes, Expectation expectation,
      SortedMap<String, Long> debug, CostSummary cost, Optional<FailureExample> failure,
      Optional<String> notApplicable) {
    this(key, runs, outcomes, expectation, debug, cost, failure, notApplicable, Optional.empty());
  }

  /** A cell whose strategy ran on its profile. */
  public CellResult(CellKey key, int runs, Map<Outcome, Integer> outcomes, Expectation expectation,
      SortedMap<String, Long> debug, CostSummary cost, Optional<FailureExample> failure) {
    this(key, runs, outcomes, expectation, debug, cost, failure, Optional.empty());
  }

  /** A cell whose strategy cannot run on its profile, with the reason. */
  public static CellResult notApplicable(CellKey key, String reason) {
    return new CellResult(key, 0, Map.of(), Expectation.NOT_APPLICABLE, new java.util.TreeMap<>(),
        new CostSummary(0, 0, 0, 0, 0), Optional.empty(), Optional.of(reason));
  }

  /**
   * How often {@code outcome} was seen, herd-style. For an exhaustive cell, {@code runs} counts
   * the executions explored to the end and the outcome counts the executions ending in it: an
   * outcome no execution reached is reached by no schedule within the bounds, and one every
   * execution reached is reached by every schedule (runs cut at a merged state end as explored
   * ones did), so the word is a proof within the bounds.
   */
  public Frequency frequency(Outcome outcome) {
    return Frequency.of(outcomes.get(outcome), runs);
  }

  /** The same cell with what an exhaustive exploration found. */
  public CellResult withExhaustive(ExhaustiveCell found) {
    return new CellResult(key, runs, outcomes, expectation, debug, cost, failure, notApplicable,
        Optional.of(found));
  }
}
