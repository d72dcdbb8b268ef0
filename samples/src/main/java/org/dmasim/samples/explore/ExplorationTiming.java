package org.dmasim.samples.explore;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;

/**
 * Times the explorer on every shipped sample, strategy and profile with the default bounds, on
 * one thread: per cell the executions, distinct states, wall time and states per second, then
 * per sample and overall. Arguments (optional) name the samples to time. A benchmark harness may
 * call {@link #timeAll} instead.
 */
public final class ExplorationTiming {
  private ExplorationTiming() {}

  /** One cell's timing. */
  public record CellTiming(String sample, String strategy, String profile, long executions, long cut, long states,
      long visited, long nanos) {}

  /** Times every cell of {@code samples} (all when empty) with {@code bounds}, a line per cell to {@code out}. */
  public static List<CellTiming> timeAll(List<String> samples, ExplorationBounds bounds, PrintStream out) {
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    List<CellTiming> timings = new ArrayList<>();
    for (SampleInfo sample : SampleCatalog.all()) {
      if (!samples.isEmpty() && !samples.contains(sample.name())) {
        continue;
      }
      for (StrategyInfo strategy : sample.strategies()) {
        for (ArchitecturePlugin plugin : registry.plugins()) {
          for (ArchitectureProfile profile : plugin.profiles()) {
            SampleExploration cell = new SampleExploration(registry, MachineOverrides.NONE.apply(profile, 1, false),
                sample, strategy, DebugOptions.ON);
            ExplorationResult result;
            try {
              result = cell.explore(bounds);
            } catch (UnsupportedOperationException notApplicable) {
              continue;
            }
            CellTiming timing = new CellTiming(sample.name(), strategy.name(), profile.qualifiedName(),
                result.executions(), result.cut(), result.states(), result.visited(), result.wallNanos());
            timings.add(timing);
            out.println(String.format(Locale.ROOT, "%-11s %-21s %-30s %7d executions %7d cut %7d states %7.2f s"
                + " %8.0f states/s %9.0f visited/s", timing.sample(), timing.strategy(), timing.profile(),
                timing.executions(), timing.cut(), timing.states(), timing.nanos() / 1e9, result.statesPerSecond(),
                result.visitedPerSecond()));
          }
        }
      }
    }
    return timings;
  }

  /** Times the samples named in {@code args} (all when none) and prints the totals. */
  public static void main(String... args) {
    if (System.getProperty("guice_include_stack_traces") == null) {
      System.setProperty("guice_include_stack_traces", "OFF");
    }
    PrintStream out = System.out;
    ExplorationBounds bounds = ExplorationBounds.DEFAULT;
    out.println("bounds: " + bounds.describe());
    // A first pass over one sample warms the JIT; its figures are not kept.
    timeAll(List.of("iostruct"), bounds, new PrintStream(java.io.OutputStream.nullOutputStream()));
    List<CellTiming> timings = timeAll(List.of(args), bounds, out);
    out.println();
    List<String> samples = timings.stream().map(CellTiming::sample).distinct().toList();
    for (String sample : samples) {
      summary(sample, timings.stream().filter(timing -> timing.sample().equals(sample)).toList(), out);
    }
    summary("all", timings, out);
  }

  private static void summary(String name, List<CellTiming> timings, PrintStream out) {
    long nanos = timings.stream().mapToLong(CellTiming::nanos).sum();
    long states = timings.stream().mapToLong(CellTiming::states).sum();
    long visited = timings.stream().mapToLong(CellTiming::visited).sum();
    long executions = timings.stream().mapToLong(timing -> timing.executions() + timing.cut()).sum();
    long slowest = timings.stream().mapToLong(CellTiming::nanos).max().orElse(0);
    out.println(String.format(Locale.ROOT, "%-11s %3d cells %8.2f s (slowest cell %.2f s) %8d runs %8d states"
        + " %8.0f states/s %9.0f visited/s %6.0f runs/s", name, timings.size(), nanos / 1e9, slowest / 1e9,
        executions, states, states * 1e9 / Math.max(nanos, 1), visited * 1e9 / Math.max(nanos, 1),
        executions * 1e9 / Math.max(nanos, 1)));
  }
}
