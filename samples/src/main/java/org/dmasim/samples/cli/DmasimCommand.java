package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.Machines;
import org.dmasim.core.Outcome;
import org.dmasim.core.config.ConfigurationProblems;
import org.dmasim.core.scenario.SeedScenario;
import org.dmasim.core.spi.ArchitecturePlugin;
import org.dmasim.core.spi.ArchitectureProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmasim}: with no sub-command, runs the seed scenario on every configured profile. */
@Command(name = "dmasim", mixinStandardHelpOptions = true, version = "dmasim 0.1.0",
    description = "Runs one driver on coherent and non-coherent machines and shows what DMA does to caches.",
    subcommands = {DmasimCommand.ListCommand.class})
final class DmasimCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "A configuration file (.properties, .yaml, .xml).")
  Path config;

  @Option(names = "--seed", description = "The first seed (default from the configuration).")
  Long seed;

  @Option(names = "--runs", description = "Seeded runs per profile (default from the configuration).")
  Integer runs;

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new DmasimCommand());
    commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
      if (error instanceof ConfigurationProblems) {
        line.getErr().println(error.getMessage());
        return 2;
      }
      if (error instanceof IllegalArgumentException) {
        line.getErr().println("dmasim: " + error.getMessage());
        return 2;
      }
      throw error;
    });
    return commandLine;
  }

  @Override
  public Integer call() {
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    DmasimConfig settings = config == null ? DmasimConfig.defaults(registry) : DmasimConfig.load(config, registry);
    long firstSeed = seed != null ? seed : settings.seed();
    int count = runs != null ? runs : settings.runs();
    if (count < 1) {
      throw new IllegalArgumentException("Invalid --runs " + count + ": must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Seed scenario: int ifield next to a 16-byte FROM_DEVICE buffer, %d seeded runs from seed %d%n",
        count, firstSeed);
    for (ArchitectureProfile profile : settings.profiles()) {
      int[] embedded = new int[Outcome.values().length];
      int[] aligned = new int[Outcome.values().length];
      for (long run = 0; run < count; run++) {
        var machineSettings = settings.machine().apply(profile, firstSeed + run, false);
        embedded[SeedScenario.run(Machines.create(registry, machineSettings), SeedScenario.Layout.EMBEDDED)
            .outcome().ordinal()]++;
        aligned[SeedScenario.run(Machines.create(registry, machineSettings), SeedScenario.Layout.DMA_ALIGNED)
            .outcome().ordinal()]++;
      }
      out.printf("%-30s embedded: %-60s dma-aligned: %s%n", profile.qualifiedName(), counts(embedded),
          counts(aligned));
    }
    out.flush();
    return 0;
  }

  private static String counts(int[] byOutcome) {
    StringBuilder text = new StringBuilder();
    for (Outcome outcome : Outcome.values()) {
      if (byOutcome[outcome.ordinal()] > 0) {
        text.append(text.length() == 0 ? "" : ", ").append(outcome).append(' ').append(byOutcome[outcome.ordinal()]);
      }
    }
    return text.toString();
  }

  /** {@code dmasim list}: architectures and their profiles, a line each. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists architectures and profiles.")
  static final class ListCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Architectures and profiles (the first profile is the default):");
      for (ArchitecturePlugin plugin : ArchitectureRegistry.discover().plugins()) {
        out.printf("  %-18s %s%n", plugin.name(), plugin.description());
        for (ArchitectureProfile profile : plugin.profiles()) {
          out.printf("    %-16s %s%n", profile.name(), profile.description());
        }
      }
      out.flush();
      return 0;
    }
  }

}
