package org.dmasim.samples.cli;

import java.nio.file.Path;
import org.dmasim.core.ArchitectureRegistry;
import picocli.CommandLine.Option;

/** The options every command shares: the configuration file. */
final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "A configuration file (.properties, .yaml/.yml, .xml); default: the embedded one.")
  Path config;

  DmasimConfig load(ArchitectureRegistry registry) {
    return config == null ? DmasimConfig.defaults(registry) : DmasimConfig.load(config, registry);
  }
}
