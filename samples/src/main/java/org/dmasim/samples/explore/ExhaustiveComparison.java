package org.dmasim.samples.explore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.driver.api.Finding;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.compare.CellKey;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.Comparison;
import org.dmasim.samples.compare.ComparisonPlan;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.ExhaustiveCell;
import org.dmasim.samples.compare.FailureExample;
import org.dmasim.samples.compare.InParallel;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.compare.Timeline;
import org.dmasim.samples.drivers.Outcome;

/**
 * {@code compare --exhaustive}: every cell of a plan explored within the bounds instead of
 * sampled, cells in parallel. Each cell's runs are its executions explored to the end, its
 * outcome counts the executions ending in each outcome (so {@code Never / Sometimes / Always}
 * is a proof within the bounds, see {@link CellResult#frequency}), its debug findings summed
 * and its cost the mean over those executions, and its failure example the shortest schedule to
 * its most telling failure, replayed with tracing. The plan's seed and runs are not used; the
 * report's runs are 0. An exploration is deterministic, so the report is the same whatever the
 * number of threads.
 */
public final class ExhaustiveComparison {
  private ExhaustiveComparison() {}

  /** Explores {@code plan}'s cells on {@code threads} threads; {@code progress} hears the cells done. */
  public static ComparisonReport run(ArchitectureRegistry registry, ComparisonPlan plan, ExplorationBounds bounds,
      Explorer.Options options, int threads, IntConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid thread count " + threads + ": must be at least 1");
    }
    long started = System.nanoTime();
    List<SampleExploration> cells = new ArrayList<>();
    for (SampleInfo sample : plan.samples()) {
      for (String strategy : plan.strategiesOf(sample)) {
        for (ArchitectureProfile profile : plan.profiles()) {
          cells.add(new SampleExploration(registry, plan.machine().apply(profile, plan.seed(), false), sample,
              sample.strategy(strategy), plan.debug()));
        }
      }
    }
    AtomicInteger done = new AtomicInteger();
    List<CellResult> results = InParallel.map(cells, threads, "dmasim-explore", cell -> {
      CellResult result = explore(cell, bounds, options);
      progress.accept(done.incrementAndGet());
      return result;
    });
    long wallMillis = (System.nanoTime() - started) / 1_000_000;
    return new ComparisonReport("dmasim", Comparison.VERSION, plan.seed(), 0, results, plan.samples(), wallMillis,
        threads);
  }

  /** One cell explored to the end (or to the run limit), summarised as a comparison cell. */
  public static CellResult explore(SampleExploration cell, ExplorationBounds bounds, Explorer.Options options) {
    CellKey key = new CellKey(cell.sample().name(), cell.strategy().name(), cell.settings().profile().architecture(),
        cell.settings().profile().name());
    Totals totals = new Totals();
    ExplorationResult result;
    try {
      result = cell.explore(bounds, options, totals::add);
    } catch (UnsupportedOperationException cannotRun) {
      return CellResult.notApplicable(key, cannotRun.getMessage()).withExhaustive(new ExhaustiveCell(true, 0, 0, 0, 0,
          Map.of(), bounds.describe(), Explorer.reductions(options), Map.of()));
    }
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    result.executionsByOutcome().forEach((outcome, count) -> outcomes.put(outcome, Math.toIntExact(count)));
    int runs = Math.toIntExact(result.executions());
    CostSummary cost = new CostSummary(mean(totals.cycles, runs), mean(totals.misses, runs),
        mean(totals.maintenance, runs), mean(totals.uncached, runs), mean(totals.padding, runs));
    Map<Outcome, ExhaustiveCell.Shortest> shortest = new EnumMap<>(Outcome.class);
    Optional<FailureExample> failure = Optional.empty();
    for (Outcome outcome : Outcome.values()) {
      Optional<Schedule> schedule = result.shortestTo(outcome);
      if (outcome == Outcome.OK || schedule.isEmpty()) {
        continue;
      }
      shortest.put(outcome, new ExhaustiveCell.Shortest(schedule.get().nonQuiet(), schedule.get().choices().size(),
          ExplorationText.steps(schedule.get())));
    }
    Optional<Outcome> telling = mostTelling(result);
    if (telling.isPresent()) {
      failure = Optional.of(example(cell, result.shortestTo(telling.get()).orElseThrow()));
    }
    ExhaustiveCell exhaustive = new ExhaustiveCell(result.complete(), result.executions(), result.cut(),
        result.states(), result.transitions(), result.schedulesByOutcome(), result.bounds().describe(),
        result.reductions(), shortest);
    return new CellResult(key, runs, outcomes, Comparison.expectation(cell.sample(), outcomes),
        new TreeMap<>(totals.findings), cost, failure, Optional.empty(), Optional.of(exhaustive));
  }

  /** The reachable failure that names runs first: corrupted, then stale, then lost. */
  private static Optional<Outcome> mostTelling(ExplorationResult result) {
    for (Outcome outcome : List.of(Outcome.DMA_DATA_CORRUPTED, Outcome.STALE_READ, Outcome.CPU_WRITE_LOST)) {
      if (result.reachable(outcome)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }

  /** The schedule replayed with tracing, as a failure example (its seed is 0: no seed made it). */
  static FailureExample example(SampleExploration cell, Schedule schedule) {
    RunResult run = cell.replay(schedule, true);
    int lineSize = cell.settingsFor(schedule).cache().lineSize();
    var writes = run.recorder().deviceWrites();
    Timeline timeline = writes.isEmpty() ? new Timeline(0, 0, lineSize)
        : new Timeline(writes.get(0).dmaAddress(), writes.get(0).bytes().length, lineSize);
    return new FailureExample(0, run.verdict().outcome(), run.verdict().reasons(), timeline.watchedLine(),
        run.trace(), timeline.annotateWatched(run.trace()));
  }

  private static long mean(long total, int runs) {
    return runs == 0 ? 0 : Math.round((double) total / runs);
  }

  /** Sums over the executions of one cell. */
  private static final class Totals {
    final Map<String, Long> findings = new TreeMap<>();
    long cycles;
    long misses;
    long maintenance;
    long uncached;
    long padding;

    void add(RunResult run) {
      for (Finding finding : run.findings()) {
        findings.merge(finding.findingClass().name(), 1L, Long::sum);
      }
      cycles += run.costs().cycles();
      misses += run.costs().misses();
      maintenance += run.costs().maintenanceOperations();
      uncached += run.costs().uncachedAccesses();
      padding += run.paddingBytes();
    }
  }
}
