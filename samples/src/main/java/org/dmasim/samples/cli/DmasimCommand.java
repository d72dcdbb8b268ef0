package org.dmasim.samples.cli;

import java.util.concurrent.Callable;
import org.dmasim.core.config.ConfigurationProblems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code dmasim}: with no command, runs the default comparison. */
@Command(name = "dmasim", mixinStandardHelpOptions = true, versionProvider = DmasimCommand.Version.class,
    description = {"Runs the same drivers on coherent and non-coherent machines and shows, in one table, which"
        + " DMA fix works where and what it costs. Without a command: the comparison on the configuration."},
    subcommands = {CompareCommand.class, RunCommand.class, ExploreCommand.class, ListCommand.class,
        CacheReplayCommand.class},
    footer = {"", "Exit status: 0 done, 1 failed, 2 bad usage or configuration."})
final class DmasimCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new DmasimCommand());
    commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
      if (error instanceof ConfigurationProblems) {
        line.getErr().println(error.getMessage());
        return 2;
      }
      if (error instanceof IllegalArgumentException || error instanceof org.dmasim.core.PluginConflictException) {
        line.getErr().println("dmasim: " + error.getMessage());
        return 2;
      }
      if (error instanceof java.io.UncheckedIOException) {
        // the file system's refusal, not dmasim's fault: its message is the whole story
        line.getErr().println("dmasim: failed: " + error.getMessage());
        return 1;
      }
      line.getErr().println("dmasim: failed: " + error);
      error.printStackTrace(line.getErr());
      return 1;
    });
    return commandLine;
  }

  @Override
  public Integer call() {
    CompareCommand compare = new CompareCommand();
    compare.spec = spec;
    compare.common = common;
    return compare.call();
  }

  /** The version, from the comparison's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dmasim " + org.dmasim.samples.compare.Comparison.VERSION};
    }
  }
}
