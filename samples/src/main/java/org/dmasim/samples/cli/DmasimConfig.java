package org.dmasim.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.configuration2.Configuration;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.Names;
import org.dmasim.core.config.ConfigFiles;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.ComparisonPlan;
import org.dmasim.samples.report.ReportFormat;

/**
 * The command line's settings, read and checked once from the embedded default
 * configuration or a user's file: what to compare, how many runs from which seed, the
 * debug checker, the report format and threads, and what the machines change of their
 * profiles. Every problem of a file is reported at once.
 */
record DmasimConfig(List<ArchitectureProfile> profiles, List<SampleInfo> samples, Map<String, List<String>> strategies,
    long seed, int runs, DebugOptions debug, ReportFormat format, int threads, MachineOverrides machine) {
  /** The class-path resource of the default configuration. */
  static final String DEFAULT_RESOURCE = "dmasim-default.properties";

  DmasimConfig {
    profiles = List.copyOf(profiles);
    samples = List.copyOf(samples);
    strategies = Map.copyOf(strategies);
  }

  /** The embedded default configuration. */
  static DmasimConfig defaults(ArchitectureRegistry registry) {
    try (InputStream stream = DmasimConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException("The jar lacks its default configuration " + DEFAULT_RESOURCE);
      }
      return read(ConfigFiles.loadProperties(stream, DEFAULT_RESOURCE), DEFAULT_RESOURCE, registry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration in {@code file}. */
  static DmasimConfig load(Path file, ArchitectureRegistry registry) {
    return read(ConfigFiles.load(file), file.getFileName().toString(), registry);
  }

  /** Reads and checks {@code configuration}, reporting every problem at once. */
  static DmasimConfig read(Configuration configuration, String source, ArchitectureRegistry registry) {
    ConfigReader reader = new ConfigReader(configuration, source);
    DmasimConfig config = parse(reader, registry);
    reader.finish();
    return config;
  }

  /** Every key a configuration may set. */
  static Set<String> knownKeys(ArchitectureRegistry registry) {
    ConfigReader reader = new ConfigReader(new org.apache.commons.configuration2.BaseConfiguration(), "no file");
    parse(reader, registry);
    return reader.knownKeys();
  }

  private static DmasimConfig parse(ConfigReader reader, ArchitectureRegistry registry) {
    List<ArchitectureProfile> profiles = profiles(reader, "architectures", registry);
    List<SampleInfo> samples = samples(reader, "samples", SampleCatalog.all());
    Map<String, List<String>> strategies = strategies(reader, samples);
    long seed = seed(reader, "seed", 1);
    int runs = runs(reader, "runs", 200);
    boolean debugEnabled = reader.bool("debug", true);
    boolean strict = reader.bool("debug.strict", false);
    if (strict && !debugEnabled) {
      reader.problem("debug.strict", "true", "needs 'debug' to be true.");
      strict = false;
    }
    ReportFormat format = format(reader, "format", ReportFormat.TEXT);
    int threads = threads(reader, "threads", 0);
    MachineOverrides machine = MachineOverrides.read(reader);
    checkMachine(reader, machine, profiles, seed, "");
    return new DmasimConfig(profiles, samples, strategies, seed, runs, new DebugOptions(debugEnabled, strict),
        format, threads, machine);
  }

  /** The comparison these settings describe. */
  ComparisonPlan plan() {
    return new ComparisonPlan(profiles, samples, strategies, seed, runs, machine, debug);
  }

  /**
   * Records a problem for each profile the machine overrides cannot build a machine of;
   * {@code chosenBy} says where the profiles come from when not from the same source.
   */
  static void checkMachine(ConfigReader reader, MachineOverrides machine, List<ArchitectureProfile> profiles,
      long seed, String chosenBy) {
    for (ArchitectureProfile profile : profiles) {
      try {
        machine.apply(profile, seed, false);
      } catch (IllegalArgumentException e) {
        reader.problem("For " + profile.qualifiedName() + (chosenBy.isEmpty() ? "" : " (chosen with " + chosenBy
            + "), the configuration's machine keys fail") + ": " + e.getMessage() + ".");
      }
    }
  }

  /** {@code threads}, or every core for 0. */
  static int effectiveThreads(int threads) {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** {@code key}: seeded runs per cell, 1 to 1,000,000. */
  static int runs(ConfigReader reader, String key, int fallback) {
    return (int) reader.integer(key, fallback, 1, 1_000_000);
  }

  /** {@code key}: the (first) seed, any 64-bit whole number. */
  static long seed(ConfigReader reader, String key, long fallback) {
    Long seed = reader.optionalInteger(key, value -> true, "must be a whole number (a 64-bit seed).");
    return seed == null ? fallback : seed;
  }

  /** {@code key}: worker threads, 0 (every core) to 1024. */
  static int threads(ConfigReader reader, String key, int fallback) {
    return (int) reader.integer(key, fallback, 0, 1024);
  }

  /** {@code key}: the report format's name, in any case. */
  static ReportFormat format(ConfigReader reader, String key, ReportFormat fallback) {
    String name = reader.string(key, null, List.of());
    if (name == null) {
      return fallback;
    }
    try {
      return ReportFormat.parse(name);
    } catch (IllegalArgumentException e) {
      reader.problem(key, name, "must be one of " + String.join(", ", ReportFormat.names()) + "."
          + (name.equalsIgnoreCase("xml") ? " Did you mean 'junit' (JUnit XML)?" : Names.didYouMean(name,
              ReportFormat.names())));
      return fallback;
    }
  }

  /** {@code key}: sample names, each one of the catalog's. */
  static List<SampleInfo> samples(ConfigReader reader, String key, List<SampleInfo> fallback) {
    List<String> names = SampleCatalog.all().stream().map(SampleInfo::name).toList();
    List<String> chosen = reader.list(key, List.of(), names);
    return chosen.isEmpty() ? fallback : chosen.stream().distinct().map(SampleCatalog::sample).toList();
  }

  /** {@code key}: architecture names (all their profiles) or {@code arch/profile}. */
  static List<ArchitectureProfile> profiles(ConfigReader reader, String key, ArchitectureRegistry registry) {
    List<String> entries = reader.list(key, defaultOrder(registry), List.of());
    List<ArchitectureProfile> profiles = new ArrayList<>();
    for (String entry : entries) {
      if (!entry.contains("/") && registry.names().contains(entry)) {
        profiles.addAll(registry.plugin(entry).profiles());
      } else {
        ArchitectureProfile profile = profile(reader, key, registry, entry);
        if (profile != null) {
          profiles.add(profile);
        }
      }
    }
    return List.copyOf(new LinkedHashSet<>(profiles));
  }

  /**
   * {@code entry} under {@code key}: {@code arch/profile}, or an architecture's first profile;
   * null, with a problem naming the valid names, when either is unknown.
   */
  static ArchitectureProfile profile(ConfigReader reader, String key, ArchitectureRegistry registry, String entry) {
    String[] parts = entry.split("/", 2);
    if (!registry.names().contains(parts[0])) {
      reader.problem("Invalid value '" + entry + "' for '" + key + "': " + registry.unknownArchitecture(parts[0]));
      return null;
    }
    if (parts.length == 2 && parts[1].isBlank()) {
      reader.problem(key, entry, "names no profile after '/': give one of " + registry.plugin(parts[0]).profiles()
          .stream().map(ArchitectureProfile::name).collect(java.util.stream.Collectors.joining(", "))
          + ", or the architecture alone.");
      return null;
    }
    try {
      return registry.profile(parts[0], parts.length == 2 ? parts[1] : null);
    } catch (IllegalArgumentException e) {
      reader.problem("Invalid value '" + entry + "' for '" + key + "': " + e.getMessage());
      return null;
    }
  }

  /** Every architecture, coherent ones first (the reference the others are held against), then by name. */
  private static List<String> defaultOrder(ArchitectureRegistry registry) {
    return registry.plugins().stream()
        .sorted(java.util.Comparator.comparing((ArchitecturePlugin plugin) -> !plugin.profiles().get(0).dmaCoherent())
            .thenComparing(ArchitecturePlugin::name))
        .map(ArchitecturePlugin::name).toList();
  }

  /**
   * {@code strategies}: names that restrict every selected sample having them; each must be a
   * strategy of some selected sample. Samples with none of the names run all their strategies.
   */
  private static Map<String, List<String>> strategies(ConfigReader reader, List<SampleInfo> samples) {
    List<String> wanted = reader.list("strategies", List.of(), List.of());
    checkStrategies(reader, "strategies", samples, wanted);
    Map<String, List<String>> bySample = new LinkedHashMap<>();
    for (SampleInfo sample : samples) {
      List<String> chosen = sample.strategyNames().stream().filter(wanted::contains).toList();
      if (!chosen.isEmpty()) {
        bySample.put(sample.name(), chosen);
      }
    }
    return bySample;
  }

  /** Records a problem under {@code key} for each name that is no strategy of the selected samples. */
  static void checkStrategies(ConfigReader reader, String key, List<SampleInfo> samples, List<String> names) {
    Set<String> known = new LinkedHashSet<>();
    samples.forEach(sample -> known.addAll(sample.strategyNames()));
    for (String name : names) {
      if (!known.contains(name)) {
        reader.problem(key, name, "must be a strategy of a selected sample: " + String.join(", ", known) + "."
            + Names.didYouMean(name, known));
      }
    }
  }
}
