package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dmasim list}: architectures, profiles, samples and strategies, a line each. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = DmasimCommand.Version.class,
    description = "Lists architectures, profiles, samples and strategies.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  /** The top-level command: a --config given before this command is refused, not ignored. */
  @ParentCommand
  DmasimCommand parent;

  @Override
  public Integer call() {
    CommonOptions.refuse("list", CommonOptions.before(parent));
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Architectures and profiles (the first profile is the default):");
    for (ArchitecturePlugin plugin : registry.plugins()) {
      out.printf("  %-18s %s%n", plugin.name(), plugin.description());
      for (ArchitectureProfile profile : plugin.profiles()) {
        out.printf("    %-16s %s%n", profile.name(), profile.description());
      }
    }
    out.println();
    out.println("Samples and strategies:");
    for (SampleInfo sample : SampleCatalog.all()) {
      out.printf("  %-18s %s%n", sample.name(), sample.description());
      for (StrategyInfo strategy : sample.strategies()) {
        out.printf("    %-20s %s%n", strategy.name(), strategy.description());
      }
    }
    out.flush();
    return 0;
  }
}
