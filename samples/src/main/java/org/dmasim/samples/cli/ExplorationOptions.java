package org.dmasim.samples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.samples.explore.ExplorationBounds;
import org.dmasim.samples.explore.Explorer;
import picocli.CommandLine.Option;

/** The bounds and search options of {@code explore} and {@code compare --exhaustive}. */
final class ExplorationOptions {
  @Option(names = "--evictions", paramLabel = "K",
      description = "At most K spontaneous evictions per run (default: 1).")
  String evictions;

  @Option(names = "--fills", paramLabel = "F", description = "At most F speculative fills per run (default: 1).")
  String fills;

  @Option(names = "--device-first", paramLabel = "B",
      description = "At most B DMA bursts landing before a CPU step per run; -1 for no bound (default: 1).")
  String deviceFirst;

  @Option(names = "--latencies", paramLabel = "L",
      description = "Explore the device's first L start-up latencies (default: 2).")
  String latencies;

  @Option(names = "--burst-bytes", paramLabel = "N",
      description = "The DMA burst size while exploring (default: 16; replaces dma.burst-bytes).")
  String burstBytes;

  @Option(names = "--max-runs", paramLabel = "N",
      description = "Stop, incomplete, after N runs (default: 10000000).")
  String maxRuns;

  @Option(names = "--no-merge", description = "Do not merge equal states (slower; to check the merge).")
  boolean noMerge;

  /** The options given, by name, for the command's reader. */
  Map<String, String> given() {
    Map<String, String> given = new LinkedHashMap<>();
    String[][] options = {{"--evictions", evictions}, {"--fills", fills}, {"--device-first", deviceFirst},
        {"--latencies", latencies}, {"--burst-bytes", burstBytes}, {"--max-runs", maxRuns}};
    for (String[] option : options) {
      if (option[1] != null) {
        given.put(option[0], option[1]);
      }
    }
    return given;
  }

  /** The bounds: the defaults with the options given; a bad one is recorded under its option. */
  ExplorationBounds bounds(ConfigReader reader) {
    ExplorationBounds bounds = ExplorationBounds.DEFAULT;
    bounds = apply(reader, "--evictions", evictions, bounds, ExplorationBounds::withEvictions);
    bounds = apply(reader, "--fills", fills, bounds, ExplorationBounds::withSpeculativeFills);
    bounds = apply(reader, "--device-first", deviceFirst, bounds, ExplorationBounds::withDeviceFirst);
    bounds = apply(reader, "--latencies", latencies, bounds, ExplorationBounds::withDeviceLatencies);
    return apply(reader, "--burst-bytes", burstBytes, bounds, ExplorationBounds::withBurstBytes);
  }

  private static ExplorationBounds apply(ConfigReader reader, String option, String given, ExplorationBounds bounds,
      BiFunction<ExplorationBounds, Integer, ExplorationBounds> with) {
    Long value = reader.optionalInteger(option, number -> true, "must be a whole number.");
    if (value == null) {
      return bounds;
    }
    try {
      // beyond an int, the nearest int is out of every bound's range too, so the bound names its range
      return with.apply(bounds, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)));
    } catch (IllegalArgumentException e) {
      reader.problem(option, given, rule(e));
      return bounds;
    }
  }

  /** The search options; a bad run limit is recorded under its option. */
  Explorer.Options options(ConfigReader reader) {
    Long limit = reader.optionalInteger("--max-runs", number -> true, "must be a whole number.");
    try {
      return new Explorer.Options(!noMerge, limit == null ? Explorer.Options.DEFAULT.maxRuns() : limit);
    } catch (IllegalArgumentException e) {
      reader.problem("--max-runs", maxRuns, rule(e));
      return Explorer.Options.DEFAULT;
    }
  }

  /** "must be ..." of a message "Invalid bound V: must be ...". */
  private static String rule(IllegalArgumentException e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return (colon < 0 ? message : message.substring(colon + 2)) + ".";
  }

  /** Whether any of these options was given. */
  boolean anyGiven() {
    return evictions != null || fills != null || deviceFirst != null || latencies != null || burstBytes != null
        || maxRuns != null || noMerge;
  }

  /**
   * Guice keeps a stack trace per binding unless told not to; an exploration builds an injector
   * per run, so the explorer's commands turn that off (binding errors name their source less
   * precisely) unless the user set it.
   */
  static void fastInjectors() {
    if (System.getProperty("guice_include_stack_traces") == null) {
      System.setProperty("guice_include_stack_traces", "OFF");
    }
  }
}
