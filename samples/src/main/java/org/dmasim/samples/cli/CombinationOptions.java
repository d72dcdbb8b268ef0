package org.dmasim.samples.cli;

import java.util.ArrayList;
import java.util.List;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigurationProblems;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import picocli.CommandLine.Option;

/** The options that name one combination: a sample, one of its strategies and an architecture's profile. */
final class CombinationOptions {
  @Option(names = "--sample", required = true, paramLabel = "NAME", description = "The sample driver.")
  String sample;

  @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "The sample's strategy.")
  String strategy;

  @Option(names = "--arch", required = true, paramLabel = "ARCH[/PROFILE]",
      description = "The architecture, or architecture/profile as compare takes it.")
  String architecture;

  @Option(names = "--profile", paramLabel = "NAME", description = "The profile (default: the architecture's first).")
  String profile;

  /** One combination, resolved. */
  record Combination(SampleInfo sample, StrategyInfo strategy, ArchitectureProfile profile) {}

  /** The named combination; every unknown name is reported at once, each with the valid ones. */
  Combination resolve(ArchitectureRegistry registry) {
    List<String> problems = new ArrayList<>();
    SampleInfo sampleInfo = null;
    StrategyInfo strategyInfo = null;
    ArchitectureProfile architectureProfile = null;
    try {
      sampleInfo = SampleCatalog.sample(sample);
      strategyInfo = sampleInfo.strategy(strategy);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    String[] parts = architecture.split("/", 2);
    String profileName = profile;
    if (parts.length == 2) {
      profileName = parts[1];
      if (profile != null && !profile.equals(parts[1])) {
        problems.add("--arch " + architecture + " names the profile '" + parts[1] + "' and --profile names '" + profile
            + "': give it once.");
      }
    }
    try {
      architectureProfile = registry.profile(parts[0], profileName);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationProblems("the command line", problems);
    }
    return new Combination(sampleInfo, strategyInfo, architectureProfile);
  }

  /** The error for a combination a strategy refuses to run (the comparison's n/a cells). */
  static IllegalArgumentException notApplicable(UnsupportedOperationException cannotRun) {
    return new IllegalArgumentException(cannotRun.getMessage() + " (the comparison shows this combination as n/a)",
        cannotRun);
  }
}
