package org.dmasim.samples.cli;

import java.nio.file.Path;
import org.dmasim.core.ArchitectureRegistry;
import picocli.CommandLine.Option;

/** The options every command shares: the configuration file, given before the command or after it. */
final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "A configuration file (.properties, .yaml/.yml, .xml); default: the embedded one.")
  Path config;

  /** The file named after the command, or else before it ({@code before}: the top-level command's options). */
  Path file(CommonOptions before) {
    Path earlier = before == null ? null : before.config;
    if (config != null && earlier != null && !config.equals(earlier)) {
      throw new IllegalArgumentException("--config is given twice, " + earlier + " before the command and " + config
          + " after it: give one");
    }
    return config != null ? config : earlier;
  }

  /** The configuration the options name, or the embedded one. */
  DmasimConfig load(ArchitectureRegistry registry, CommonOptions before) {
    Path file = file(before);
    return file == null ? DmasimConfig.defaults(registry) : DmasimConfig.load(file, registry);
  }

  /** Refuses a configuration file given before a command that reads none. */
  static void refuse(String command, CommonOptions before) {
    if (before != null && before.config != null) {
      throw new IllegalArgumentException("--config " + before.config + " does not apply to " + command
          + ", which reads no configuration");
    }
  }
}
