package org.dmasim.samples.cli;

import java.nio.file.Path;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.core.config.ConfigurationProblems;
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

  /**
   * The configuration the options name; when its file has problems, the embedded one stands in
   * for it so that the command line can be checked too, and {@link #finish} reports both.
   */
  Loaded loadForChecking(ArchitectureRegistry registry, CommonOptions before) {
    try {
      return new Loaded(load(registry, before), null);
    } catch (ConfigurationProblems fileProblems) {
      return new Loaded(DmasimConfig.defaults(registry), fileProblems);
    }
  }

  /** A configuration, and the problems of the file it stands in for (null when none). */
  record Loaded(DmasimConfig config, ConfigurationProblems fileProblems) {
    /** Finishes {@code reader} of the command line: its problems and the file's are reported together. */
    void finish(ConfigReader reader) {
      try {
        reader.finish();
      } catch (ConfigurationProblems commandLine) {
        throw fileProblems == null ? commandLine : ConfigurationProblems.both(fileProblems, commandLine);
      }
      if (fileProblems != null) {
        throw fileProblems;
      }
    }
  }

  /** Refuses a configuration file given before a command that reads none. */
  static void refuse(String command, CommonOptions before) {
    if (before != null && before.config != null) {
      throw new IllegalArgumentException("--config " + before.config + " does not apply to " + command
          + ", which reads no configuration");
    }
  }
}
