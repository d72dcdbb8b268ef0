package org.dmasim.samples.drivers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.CostReport;
import org.dmasim.core.MachineSettings;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.Finding;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.compare.SampleRunner;

/** Runs catalog samples on named profiles for the driver tests, and sums what the runs show. */
final class SampleRuns {
  /** Seeds per cell unless a test needs more. */
  static final int SEEDS = 50;

  static final String X86 = "x86/x86-64";
  static final String ARMV7 = "arm-noncoherent/armv7";
  static final String ARM64 = "arm-noncoherent/arm64";
  static final String ARM64_CWG128 = "arm-noncoherent/arm64-cwg128";
  static final String ARM64_PRE_5_19 = "arm-noncoherent/arm64-pre5.19";
  static final String R4K = "mips/r4k";
  static final String R10000 = "mips/r10000";

  /** Every profile, coherent first. */
  static final List<String> ALL_PROFILES = List.of(X86, ARMV7, ARM64, ARM64_CWG128, ARM64_PRE_5_19, R4K, R10000);
  /** The non-coherent profiles. */
  static final List<String> NON_COHERENT = ALL_PROFILES.subList(1, ALL_PROFILES.size());

  private static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();

  private SampleRuns() {}

  /** One run of {@code sample}/{@code strategy} on {@code profile} ("arch/profile") with {@code seed}. */
  static RunResult once(String sample, String strategy, String profile, long seed, DebugOptions debug) {
    String[] names = profile.split("/", 2);
    SampleInfo info = SampleCatalog.sample(sample);
    return SampleRunner.run(REGISTRY, MachineSettings.of(REGISTRY.profile(names[0], names[1]), seed), info,
        info.strategy(strategy), debug);
  }

  /** Runs with seeds 1..{@code seeds}, DMA-API debugging on. */
  static List<RunResult> runs(String sample, String strategy, String profile, int seeds) {
    List<RunResult> results = new ArrayList<>(seeds);
    for (long seed = 1; seed <= seeds; seed++) {
      results.add(once(sample, strategy, profile, seed, DebugOptions.ON));
    }
    return results;
  }

  /** Runs with seeds 1..{@link #SEEDS}, DMA-API debugging on. */
  static List<RunResult> runs(String sample, String strategy, String profile) {
    return runs(sample, strategy, profile, SEEDS);
  }

  /** How many runs were named by each outcome (every outcome present, zero or more). */
  static Map<Outcome, Long> outcomes(List<RunResult> runs) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0L);
    }
    runs.forEach(run -> counts.merge(run.verdict().outcome(), 1L, Long::sum));
    return counts;
  }

  /** How many runs were named {@code outcome}. */
  static long count(List<RunResult> runs, Outcome outcome) {
    return runs.stream().filter(run -> run.verdict().outcome() == outcome).count();
  }

  /** How many runs reported at least one finding of {@code findingClass}. */
  static long runsWithFinding(List<RunResult> runs, FindingClass findingClass) {
    return runs.stream().filter(run -> run.findings().stream()
        .anyMatch(finding -> finding.findingClass() == findingClass)).count();
  }

  /** Whether a finding of the run concerns a bounced mapping (the checker marks them so). */
  static boolean sawBouncedMapping(RunResult run) {
    return run.findings().stream().map(Finding::mapping).anyMatch(mapping -> mapping.contains("(bounced)"));
  }

  /** The mean of one cost over the runs. */
  static double mean(List<RunResult> runs, ToLongFunction<CostReport> cost) {
    return runs.stream().mapToLong(run -> cost.applyAsLong(run.costs())).average().orElseThrow();
  }

  /** The CPU's memory accesses of a run: cached hits and misses, and uncached accesses. */
  static long accesses(CostReport costs) {
    return costs.hits() + costs.misses() + costs.uncachedAccesses();
  }

  /** A short description of the runs for assertion messages. */
  static String describe(List<RunResult> runs) {
    Map<FindingClass, Long> findings = new EnumMap<>(FindingClass.class);
    runs.forEach(run -> run.findings().forEach(finding -> findings.merge(finding.findingClass(), 1L, Long::sum)));
    String example = runs.stream().filter(run -> !run.verdict().reasons().isEmpty()).findFirst()
        .map(run -> "; seed " + run.seed() + ": " + run.verdict().reasons().get(0)).orElse("");
    return outcomes(runs) + ", findings " + findings + example;
  }
}
