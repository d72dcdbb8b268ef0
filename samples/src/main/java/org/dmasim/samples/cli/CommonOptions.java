package org.dmasim.samples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    if (config != null && earlier != null
        && !config.toAbsolutePath().normalize().equals(earlier.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--config is given twice, " + earlier + " before the command and " + config
          + " after it: give one");
    }
    return config != null ? config : earlier;
  }

  /** The options given before the command {@code parent} runs, or null when it runs a command itself. */
  static CommonOptions before(DmasimCommand parent) {
    return parent == null ? null : parent.common;
  }

  /** Why {@code debug.strict} cannot be used by a command that, as {@code because} says, judges whole runs. */
  static String strictRefused(String because) {
    return "debug.strict = true stops a run at its first DMA-API finding, but " + because
        + ": strict checking applies to run only.";
  }

  /** The configuration the options name, or the embedded one. */
  private DmasimConfig load(ArchitectureRegistry registry, CommonOptions before) {
    Path file = file(before);
    return file == null ? DmasimConfig.defaults(registry) : DmasimConfig.load(file, registry);
  }

  /**
   * The configuration the options name; when its file has problems, the embedded one stands in
   * for it so that the command line can be checked too, and {@link Loaded#finish} reports both.
   */
  Loaded loadForChecking(ArchitectureRegistry registry, CommonOptions before) {
    Path file = file(before);
    try {
      return new Loaded(load(registry, before), file == null || file.getFileName() == null
          ? "the embedded configuration" : file.getFileName().toString(), null);
    } catch (ConfigurationProblems fileProblems) {
      return new Loaded(DmasimConfig.defaults(registry), fileProblems.source(), fileProblems);
    }
  }

  /** A configuration, the problems of the file it stands in for, and those a command finds in its values. */
  static final class Loaded {
    private final DmasimConfig config;
    private final String source;
    private final ConfigurationProblems fileProblems;
    private final List<String> commandProblems = new ArrayList<>();

    Loaded(DmasimConfig config, String source, ConfigurationProblems fileProblems) {
      this.config = config;
      this.source = source;
      this.fileProblems = fileProblems;
    }

    DmasimConfig config() {
      return config;
    }

    /** Records a problem of the configuration's values that this command cannot accept. */
    void problem(String problem) {
      commandProblems.add(problem);
    }

    /** Finishes {@code reader} of the command line: its problems and the file's are reported together. */
    void finish(ConfigReader reader) {
      List<String> ofFile = new ArrayList<>(fileProblems == null ? List.of() : fileProblems.problems());
      ofFile.addAll(commandProblems);
      ConfigurationProblems file = ofFile.isEmpty() ? null : new ConfigurationProblems(source, ofFile);
      try {
        reader.finish();
      } catch (ConfigurationProblems commandLine) {
        throw file == null ? commandLine : ConfigurationProblems.both(file, commandLine);
      }
      if (file != null) {
        throw file;
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
