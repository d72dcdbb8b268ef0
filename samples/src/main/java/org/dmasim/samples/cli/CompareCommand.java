package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.configuration2.BaseConfiguration;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.Comparison;
import org.dmasim.samples.compare.ComparisonPlan;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.explore.ExhaustiveComparison;
import org.dmasim.samples.report.AtomicFiles;
import org.dmasim.samples.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmasim compare}: every selected sample x strategy x profile for N seeded runs, as a
 * matrix; with {@code --exhaustive}, every schedule of each cell within bounds instead.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Runs every selected sample x strategy x architecture/profile for N seeded runs and prints the matrix.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Option(names = "--sample", split = ",", paramLabel = "NAME", description = "Samples to run (default: all).")
  List<String> samples;

  @Option(names = "--strategy", split = ",", paramLabel = "NAME",
      description = "Strategies to run, of the samples that have them (default: all).")
  List<String> strategies;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH[/PROFILE]",
      description = "Architectures (all their profiles) or arch/profile (default: all).")
  List<String> architectures;

  @Option(names = "--runs", paramLabel = "N", description = "Seeded runs per cell (default: 200).")
  Integer runs;

  @Option(names = "--seed", paramLabel = "N", description = "The first seed; run i uses seed + i (default: 1).")
  Long seed;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, html or junit (default: text).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: every core).")
  Integer threads;

  @Option(names = "--exhaustive",
      description = "Explore every schedule of each cell within the bounds instead of sampling: proven verdicts.")
  boolean exhaustive;

  @Mixin
  ExplorationOptions exploration;

  @Override
  public Integer call() {
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    DmasimConfig config = common.load(registry);
    ComparisonPlan plan = plan(registry, config);
    ReportFormat reportFormat = format == null ? config.format() : ReportFormat.parse(format);
    int workers = threads == null ? config.effectiveThreads() : threads;
    if (workers < 1) {
      throw new IllegalArgumentException("Invalid --threads " + workers + ": must be at least 1");
    }
    if (out != null && out.toAbsolutePath().getParent() != null
        && !java.nio.file.Files.isDirectory(out.toAbsolutePath().getParent())) {
      throw new IllegalArgumentException("Invalid --out " + out + ": directory " + out.toAbsolutePath().getParent()
          + " does not exist");
    }
    if (!exhaustive && exploration != null && exploration.anyGiven()) {
      throw new IllegalArgumentException("The exploration bounds (--evictions, --fills, --device-first, --latencies,"
          + " --burst-bytes, --max-runs, --no-merge) need --exhaustive");
    }
    ComparisonReport report;
    if (exhaustive) {
      ExplorationOptions.fastInjectors();
      Progress progress = new Progress(plan.cells(), "cells explored", spec.commandLine().getErr());
      report = ExhaustiveComparison.run(registry, plan, exploration.bounds(), exploration.options(), workers,
          progress::update);
      progress.finish();
    } else {
      Progress progress = new Progress(plan.cells() * plan.runs(), spec.commandLine().getErr());
      report = Comparison.run(registry, plan, workers, progress::update);
      progress.finish();
    }
    String rendered = reportFormat.render(report);
    if (out != null) {
      AtomicFiles.write(out, rendered);
      spec.commandLine().getErr().println("dmasim: wrote " + reportFormat.name().toLowerCase(java.util.Locale.ROOT)
          + " report to " + out);
    } else {
      PrintWriter writer = spec.commandLine().getOut();
      writer.print(rendered);
      writer.flush();
    }
    return 0;
  }

  /** The configuration's plan with the command line's selections on top. */
  private ComparisonPlan plan(ArchitectureRegistry registry, DmasimConfig config) {
    BaseConfiguration selection = new BaseConfiguration();
    if (architectures != null) {
      selection.setProperty("architectures", String.join(",", architectures));
    }
    ConfigReader reader = new ConfigReader(selection, "the command line");
    var profiles = architectures == null ? config.profiles() : DmasimConfig.profiles(reader, registry);
    reader.finish();
    List<SampleInfo> chosen = config.samples();
    if (samples != null) {
      chosen = new ArrayList<>();
      for (String name : samples) {
        chosen.add(SampleCatalog.sample(name));
      }
    }
    var plan = new ComparisonPlan(profiles, chosen, config.strategies(), seed == null ? config.seed() : seed,
        runs == null ? config.runs() : runs, config.machine(), config.debug());
    if (strategies != null) {
      plan = CommandLineStrategies.restrict(plan, strategies);
    }
    return plan;
  }
}
