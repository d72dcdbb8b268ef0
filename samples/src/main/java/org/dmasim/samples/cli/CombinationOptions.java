package org.dmasim.samples.cli;

import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.BaseConfiguration;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigReader;
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
      description = "The architecture, or architecture/profile.")
  String architecture;

  @Option(names = "--profile", paramLabel = "NAME", description = "The profile (default: the architecture's first).")
  String profile;

  /** One combination, resolved. */
  record Combination(SampleInfo sample, StrategyInfo strategy, ArchitectureProfile profile) {}

  /**
   * A reader of these options and the command's own {@code more} (option to value), for
   * {@link #resolve} and the command's checks; the command finishes it.
   */
  ConfigReader reader(Map<String, String> more) {
    BaseConfiguration given = new BaseConfiguration();
    more.forEach(given::setProperty);
    given.setProperty("--sample", sample);
    given.setProperty("--strategy", strategy);
    given.setProperty("--arch", architecture);
    if (profile != null) {
      given.setProperty("--profile", profile);
    }
    return new ConfigReader(given, "the command line");
  }

  /**
   * The named combination, each unknown name recorded in {@code reader} with the valid ones; its
   * parts are null where a name is unknown, so use it only once the reader finished.
   */
  Combination resolve(ArchitectureRegistry registry, ConfigReader reader) {
    List<String> sampleNames = SampleCatalog.all().stream().map(SampleInfo::name).toList();
    String sampleName = reader.string("--sample", null, sampleNames);
    SampleInfo sampleInfo = sampleName == null ? null : SampleCatalog.sample(sampleName);
    StrategyInfo strategyInfo = null;
    if (sampleInfo != null) {
      String strategyName = reader.string("--strategy", null, sampleInfo.strategyNames());
      strategyInfo = strategyName == null ? null : sampleInfo.strategy(strategyName);
    } else {
      reader.string("--strategy", null, List.of());
    }
    String entry = reader.string("--arch", architecture, List.of());
    String profileName = reader.string("--profile", null, List.of());
    if (profileName != null) {
      if (architecture.contains("/")) {
        reader.problem("--profile", profileName, "--arch " + architecture + " names a profile already; give it once.");
      } else {
        entry = entry + "/" + profileName;
      }
    }
    ArchitectureProfile architectureProfile = DmasimConfig.profile(reader,
        profileName == null || architecture.contains("/") ? "--arch" : "--arch and --profile", registry, entry);
    return new Combination(sampleInfo, strategyInfo, architectureProfile);
  }

  /** Records a problem when the configuration's machine keys cannot build a machine of the chosen profile. */
  void checkMachine(ConfigReader reader, DmasimConfig config, Combination chosen, long seed) {
    if (chosen.profile() != null) {
      DmasimConfig.checkMachine(reader, config.machine(), List.of(chosen.profile()), seed,
          profile == null ? "--arch" : "--arch and --profile");
    }
  }

  /** The error for a combination a strategy refuses to run (the comparison's n/a cells). */
  static IllegalArgumentException notApplicable(UnsupportedOperationException cannotRun) {
    return new IllegalArgumentException(cannotRun.getMessage() + " (the comparison shows this combination as n/a)",
        cannotRun);
  }
}
