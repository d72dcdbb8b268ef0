package org.dmasim.samples.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.driver.api.Finding;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.drivers.Grade;
import org.dmasim.samples.drivers.Outcome;

/**
 * Runs every cell of a plan for its seeded runs, in parallel, and summarises each cell. A
 * strategy that refuses a profile (UnsupportedOperationException) makes its cell not
 * applicable. A cell boots one machine and puts it back in its booted state before each run
 * ({@link SampleRunner.Booted}), so each run depends only on its cell and seed; cells are
 * summarised in plan order, so the report is the same whatever the number of threads.
 */
public final class Comparison {
  /** The tool's version, as reports print it. */
  public static final String VERSION = "0.1.0";

  private Comparison() {}

  /** Runs {@code plan} on {@code threads} threads; {@code progress} hears the number of runs done so far. */
  public static ComparisonReport run(ArchitectureRegistry registry, ComparisonPlan plan, int threads,
      IntConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid thread count " + threads + ": must be at least 1");
    }
    long started = System.nanoTime();
    List<Cell> cells = new ArrayList<>();
    for (SampleInfo sample : plan.samples()) {
      for (String strategy : plan.strategiesOf(sample)) {
        for (ArchitectureProfile profile : plan.profiles()) {
          cells.add(new Cell(sample, sample.strategy(strategy), profile));
        }
      }
    }
    AtomicInteger done = new AtomicInteger();
    // Each cell is summarised on its worker too: a failing cell replays its first failure with
    // tracing, on a machine of its own.
    List<CellResult> results = InParallel.map(cells, threads, "dmasim-run",
        cell -> summarise(registry, plan, cell, cell.runAll(registry, plan, done, progress)));
    long wallMillis = (System.nanoTime() - started) / 1_000_000;
    return new ComparisonReport("dmasim", VERSION, plan.seed(), plan.runs(), results, plan.samples(), wallMillis,
        threads);
  }

  /** The settings of one run of {@code profile} with {@code seed}. */
  static MachineSettings settings(ComparisonPlan plan, ArchitectureProfile profile, long seed, boolean trace) {
    return plan.machine().apply(profile, seed, trace);
  }

  private static CellResult summarise(ArchitectureRegistry registry, ComparisonPlan plan, Cell cell,
      CellTotals totals) {
    CellKey key = new CellKey(cell.sample.name(), cell.strategy.name(), cell.profile.architecture(),
        cell.profile.name());
    if (totals.notApplicable != null) {
      return CellResult.notApplicable(key, totals.notApplicable);
    }
    Expectation expectation = expectation(cell.sample, totals.outcomes);
    Map<String, Long> debug = new TreeMap<>();
    totals.findings.forEach((findingClass, count) -> debug.put(findingClass.name(), count));
    int runs = plan.runs();
    CostSummary cost = new CostSummary(mean(totals.cycles, runs), mean(totals.misses, runs),
        mean(totals.maintenance, runs), mean(totals.uncached, runs), mean(totals.padding, runs));
    Optional<FailureExample> failure = !totals.failed ? Optional.empty()
        : Optional.of(replay(registry, plan, cell, totals.firstFailingSeed));
    return new CellResult(key, runs, totals.outcomes, expectation, new TreeMap<>(debug), cost, failure);
  }

  /** The verdict against {@code sample}'s expectations of a cell that saw {@code outcomes} (counts). */
  public static Expectation expectation(SampleInfo sample, Map<Outcome, ? extends Number> outcomes) {
    Grade worst = Grade.ACCEPTABLE;
    for (Outcome outcome : Outcome.values()) {
      Number count = outcomes.get(outcome);
      if (count != null && count.longValue() > 0) {
        Grade grade = sample.expectations().grade(outcome);
        if (grade.ordinal() > worst.ordinal()) {
          worst = grade;
        }
      }
    }
    return switch (worst) {
      case ACCEPTABLE -> Expectation.ACCEPTABLE;
      case ACCEPTABLE_INTERESTING -> Expectation.INTERESTING_OBSERVED;
      case FORBIDDEN -> Expectation.FORBIDDEN_OBSERVED;
    };
  }

  /** Replays one run with tracing on, for the timeline of a failure. */
  static FailureExample replay(ArchitectureRegistry registry, ComparisonPlan plan, Cell cell, long seed) {
    RunResult run = SampleRunner.run(registry, settings(plan, cell.profile, seed, true), cell.sample, cell.strategy,
        plan.debug());
    int lineSize = plan.machine().apply(cell.profile, seed, false).cache().lineSize();
    var writes = run.recorder().deviceWrites();
    Timeline timeline = writes.isEmpty() ? new Timeline(0, 0, lineSize)
        : new Timeline(writes.get(0).dmaAddress(), writes.get(0).bytes().length, lineSize);
    return new FailureExample(seed, run.verdict().outcome(), run.verdict().reasons(), timeline.watchedLine(),
        run.trace(), timeline.annotateWatched(run.trace()));
  }

  private static long mean(long total, int runs) {
    return Math.round((double) total / runs);
  }

  /** A sample, strategy and profile. */
  record Cell(SampleInfo sample, StrategyInfo strategy, ArchitectureProfile profile) {
    CellTotals runAll(ArchitectureRegistry registry, ComparisonPlan plan, AtomicInteger done, IntConsumer progress) {
      CellTotals totals = new CellTotals();
      SampleRunner.Booted machine = null;
      for (int i = 0; i < plan.runs(); i++) {
        long seed = plan.seed() + i;
        RunResult run;
        try {
          if (machine == null) {
            machine = SampleRunner.boot(registry, settings(plan, profile, seed, false), sample, strategy, plan.debug());
          }
          run = machine.run(seed);
        } catch (UnsupportedOperationException cannotRun) {
          totals.notApplicable = cannotRun.getMessage();
          progress.accept(done.addAndGet(plan.runs() - i));
          return totals;
        }
        totals.add(run);
        progress.accept(done.incrementAndGet());
      }
      return totals;
    }
  }

  /** Sums over the runs of one cell. */
  static final class CellTotals {
    final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    final Map<FindingClass, Long> findings = new EnumMap<>(FindingClass.class);
    long cycles;
    long misses;
    long maintenance;
    long uncached;
    long padding;
    boolean failed;
    long firstFailingSeed;
    String notApplicable;

    CellTotals() {
      for (Outcome outcome : Outcome.values()) {
        outcomes.put(outcome, 0);
      }
    }

    void add(RunResult run) {
      Outcome outcome = run.verdict().outcome();
      outcomes.merge(outcome, 1, Integer::sum);
      if (outcome != Outcome.OK && !failed) {
        failed = true;
        firstFailingSeed = run.seed();
      }
      for (Finding finding : run.findings()) {
        findings.merge(finding.findingClass(), 1L, Long::sum);
      }
      cycles += run.costs().cycles();
      misses += run.costs().misses();
      maintenance += run.costs().maintenanceOperations();
      uncached += run.costs().uncachedAccesses();
      padding += run.paddingBytes();
    }
  }
}
