package org.dmasim.samples.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.configuration2.Configuration;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigFiles;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.core.config.ConfigurationProblems;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.core.spi.ArchitecturePlugin;
import org.dmasim.core.spi.ArchitectureProfile;

/**
 * The command line's settings, read and checked once from the embedded default
 * configuration or a user's file: which profiles, how many runs from which seed, and what
 * the machines change of their profiles.
 */
record DmasimConfig(List<ArchitectureProfile> profiles, long seed, int runs, MachineOverrides machine) {
  /** The class-path resource of the default configuration. */
  static final String DEFAULT_RESOURCE = "dmasim-default.properties";

  DmasimConfig {
    profiles = List.copyOf(profiles);
  }

  /** The embedded default configuration. */
  static DmasimConfig defaults(ArchitectureRegistry registry) {
    try (InputStream stream = DmasimConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException("The jar lacks its default configuration " + DEFAULT_RESOURCE);
      }
      return read(ConfigFiles.loadProperties(stream, DEFAULT_RESOURCE), DEFAULT_RESOURCE, registry);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The configuration in {@code file}; every problem is reported at once. */
  static DmasimConfig load(Path file, ArchitectureRegistry registry) {
    return read(ConfigFiles.load(file), file.getFileName().toString(), registry);
  }

  static DmasimConfig read(Configuration configuration, String source, ArchitectureRegistry registry) {
    ConfigReader reader = new ConfigReader(configuration, source);
    List<ArchitectureProfile> profiles = profiles(reader, registry);
    long seed = reader.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    int runs = (int) reader.integer("runs", 200, 1, 1_000_000);
    MachineOverrides machine = MachineOverrides.read(reader);
    for (ArchitectureProfile profile : profiles) {
      try {
        machine.apply(profile, seed, false);
      } catch (IllegalArgumentException e) {
        reader.problem("For " + profile.qualifiedName() + ": " + e.getMessage());
      }
    }
    reader.finish();
    return new DmasimConfig(profiles, seed, runs, machine);
  }

  /** {@code architectures}: names of architectures (all their profiles) or {@code arch/profile}. */
  private static List<ArchitectureProfile> profiles(ConfigReader reader, ArchitectureRegistry registry) {
    List<String> entries = reader.list("architectures", registry.names(), List.of());
    List<ArchitectureProfile> profiles = new ArrayList<>();
    for (String entry : entries) {
      String[] parts = entry.split("/", 2);
      if (!registry.names().contains(parts[0])) {
        reader.problem("Invalid value '" + entry + "' for 'architectures': " + registry.unknownArchitecture(parts[0]));
        continue;
      }
      ArchitecturePlugin plugin = registry.plugin(parts[0]);
      if (parts.length == 1) {
        profiles.addAll(plugin.profiles());
      } else {
        try {
          profiles.add(registry.profile(parts[0], parts[1]));
        } catch (IllegalArgumentException e) {
          reader.problem("Invalid value '" + entry + "' for 'architectures': " + e.getMessage());
        }
      }
    }
    return profiles;
  }

  /** Thrown for problems in the configuration, with all of them. */
  static boolean isConfigurationProblem(Throwable error) {
    return error instanceof ConfigurationProblems;
  }
}
