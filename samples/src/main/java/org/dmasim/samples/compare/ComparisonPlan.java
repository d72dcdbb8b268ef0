package org.dmasim.samples.compare;

import java.util.List;
import java.util.Map;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.samples.catalog.SampleInfo;

/**
 * What to compare: the profiles, the samples with the strategies to run of each, runs per
 * cell from which seed, the machine overrides and the debug checker's options.
 */
public record ComparisonPlan(List<ArchitectureProfile> profiles, List<SampleInfo> samples,
    Map<String, List<String>> strategies, long seed, int runs, MachineOverrides machine, DebugOptions debug) {
  /** Checks the plan is not empty and every strategy list names strategies of its sample. */
  public ComparisonPlan {
    if (profiles.isEmpty() || samples.isEmpty()) {
      throw new IllegalArgumentException("A comparison needs at least one profile and one sample");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("Invalid number of runs " + runs + ": must be at least 1");
    }
    for (SampleInfo sample : samples) {
      for (String strategy : strategies.getOrDefault(sample.name(), sample.strategyNames())) {
        sample.strategy(strategy);
      }
    }
    profiles = List.copyOf(profiles);
    samples = List.copyOf(samples);
    strategies = Map.copyOf(strategies);
  }

  /** The strategies of {@code sample} this plan runs: the listed ones, or all. */
  public List<String> strategiesOf(SampleInfo sample) {
    return strategies.getOrDefault(sample.name(), sample.strategyNames());
  }

  /** Number of cells. */
  public int cells() {
    return samples.stream().mapToInt(sample -> strategiesOf(sample).size()).sum() * profiles.size();
  }
}
