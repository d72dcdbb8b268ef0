package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.configuration2.BaseConfiguration;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.Comparison;
import org.dmasim.samples.compare.ComparisonPlan;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.explore.ExhaustiveComparison;
import org.dmasim.samples.explore.ExplorationBounds;
import org.dmasim.samples.explore.Explorer;
import org.dmasim.samples.report.AtomicFiles;
import org.dmasim.samples.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dmasim compare}: every selected sample x strategy x profile for N seeded runs, as a
 * matrix; with {@code --exhaustive}, every schedule of each cell within bounds instead.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = DmasimCommand.Version.class,
    description = "Runs every selected sample x strategy x architecture/profile for N seeded runs and prints the matrix.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  /** The top-level command, whose --config (given before this command) applies too; null when it runs this itself. */
  @ParentCommand
  DmasimCommand parent;

  @Option(names = "--sample", split = ",", paramLabel = "NAME",
      description = "Samples to run (default: the configuration's; all in the embedded one).")
  List<String> samples;

  @Option(names = "--strategy", split = ",", paramLabel = "NAME",
      description = "Strategies to run, of the samples that have them; a sample named with --sample must have one"
          + " (default: the configuration's; all in the embedded one).")
  List<String> strategies;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH[/PROFILE]",
      description = "Architectures (all their profiles) or arch/profile (default: the configuration's; all in the"
          + " embedded one).")
  List<String> architectures;

  @Option(names = "--runs", paramLabel = "N",
      description = "Seeded runs per cell, 1 to 1000000 (default: the configuration's; 200 in the embedded one).")
  String runs;

  @Option(names = "--seed", paramLabel = "N",
      description = "The first seed; run i uses seed + i (default: the configuration's; 1 in the embedded one).")
  String seed;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, html or junit (default: from the"
      + " extension of --out, .txt .json .html .xml; else the configuration's, text in the embedded one).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
  Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads, 0 (every core) to 1024 (default: the configuration's; every core in the embedded"
          + " one).")
  String threads;

  @Option(names = "--exhaustive",
      description = "Explore every schedule of each cell within the bounds instead of sampling: proven verdicts.")
  boolean exhaustive;

  @Mixin
  ExplorationOptions exploration;

  @Override
  public Integer call() {
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    CommonOptions.Loaded loaded = common.loadForChecking(registry, CommonOptions.before(parent));
    Choices choices = choices(registry, loaded);
    // --out was checked for a writable place above; the temporary file beside it exists only while writing
    String rendered = choices.format().render(compare(registry, choices));
    if (out != null) {
      AtomicFiles.write(out, rendered);
      spec.commandLine().getErr().println("dmasim: wrote " + choices.format().cliName() + " report to " + out);
    } else {
      PrintWriter writer = spec.commandLine().getOut();
      writer.print(rendered);
      writer.flush();
    }
    return 0;
  }

  private ComparisonReport compare(ArchitectureRegistry registry, Choices choices) {
    ComparisonPlan plan = choices.plan();
    if (exhaustive) {
      ExplorationOptions.fastInjectors();
      Progress progress = new Progress(plan.cells(), "cells explored", spec.commandLine().getErr());
      ComparisonReport report = ExhaustiveComparison.run(registry, plan, choices.bounds(), choices.options(),
          choices.workers(), progress::update);
      progress.finish();
      return report;
    }
    Progress progress = new Progress(plan.cells() * plan.runs(), spec.commandLine().getErr());
    ComparisonReport report = Comparison.run(registry, plan, choices.workers(), progress::update);
    progress.finish();
    return report;
  }

  /** What the command line chose on top of the configuration. */
  private record Choices(ComparisonPlan plan, ReportFormat format, int workers, ExplorationBounds bounds,
      Explorer.Options options) {}

  /**
   * The configuration's plan, format and threads with the command line's options on top, each
   * checked as the configuration's keys are; every problem is reported at once, before any run.
   */
  private Choices choices(ArchitectureRegistry registry, CommonOptions.Loaded loaded) {
    DmasimConfig config = loaded.config();
    BaseConfiguration given = new BaseConfiguration();
    given(given, "--arch", architectures);
    given(given, "--sample", samples);
    given(given, "--strategy", strategies);
    given(given, "--runs", runs);
    given(given, "--seed", seed);
    given(given, "--threads", threads);
    given(given, "--format", format);
    if (exploration != null) {
      exploration.given().forEach(given::setProperty);
    }
    ConfigReader reader = new ConfigReader(given, "the command line");
    var profiles = architectures == null ? config.profiles() : DmasimConfig.profiles(reader, "--arch", registry);
    List<SampleInfo> chosen = DmasimConfig.samples(reader, "--sample", config.samples());
    List<String> strategyNames = reader.list("--strategy", List.of(), List.of());
    List<String> sampleNames = SampleCatalog.all().stream().map(SampleInfo::name).toList();
    boolean samplesKnown = samples == null || sampleNames.containsAll(names(samples));
    // with a misspelt sample, a strategy is held against every sample's, not only the others'
    DmasimConfig.checkStrategies(reader, "--strategy", samplesKnown ? chosen : SampleCatalog.all(), strategyNames);
    // a name no selected sample has is reported above; only names they all know can leave one without any
    boolean strategiesKnown = chosen.stream().flatMap(sample -> sample.strategyNames().stream())
        .collect(Collectors.toSet()).containsAll(strategyNames);
    if (samples != null && samplesKnown && strategiesKnown && !strategyNames.isEmpty()) {
      for (SampleInfo sample : chosen) {
        if (sample.strategyNames().stream().noneMatch(strategyNames::contains)) {
          reader.problem("--sample", sample.name(), "has none of the strategies --strategy names ("
              + String.join(", ", strategyNames) + "); its strategies are " + String.join(", ", sample.strategyNames())
              + ".");
        }
      }
    }
    int runsPerCell = DmasimConfig.runs(reader, "--runs", config.runs());
    long firstSeed = DmasimConfig.seed(reader, "--seed", config.seed());
    int workers = DmasimConfig.effectiveThreads(DmasimConfig.threads(reader, "--threads", config.threads()));
    ReportFormat byExtension = out == null || format != null ? null : ReportFormat.ofFileName(out.toString());
    ReportFormat reportFormat = byExtension != null ? byExtension
        : DmasimConfig.format(reader, "--format", config.format());
    if (architectures != null) {
      DmasimConfig.checkMachine(reader, config.machine(), profiles, firstSeed, "--arch");
    }
    if (out != null) {
      Path directory = out.toAbsolutePath().getParent();
      if (out.toString().isBlank()) {
        reader.problem("--out", out.toString(), "names no file; give the report's file name.");
      } else if (Files.isDirectory(out)) {
        reader.problem("--out", out.toString(), "is a directory; give the report's file name.");
      } else if (Files.isRegularFile(out) == Files.exists(out)) { // a new or a regular file, not a device or pipe
        AtomicFiles.whyNotWritable(directory).ifPresent(why -> reader.problem("--out", out.toString(), why + "."));
      }
    }
    if (config.debug().strict()) {
      loaded.problem(CommonOptions.strictRefused("a comparison counts the findings of whole runs"));
    }
    if (exhaustive && (runs != null || seed != null)) {
      reader.problem("--exhaustive explores every schedule of each cell instead of seeded runs: it takes no"
          + (runs != null && seed != null ? " --runs or --seed." : runs != null ? " --runs." : " --seed."));
    }
    // read even without --exhaustive, so that a bad bound is named besides "needs --exhaustive"
    ExplorationBounds bounds = exploration == null ? null : exploration.bounds(reader);
    Explorer.Options options = exploration == null ? null : exploration.options(reader);
    if (!exhaustive && exploration != null && exploration.anyGiven()) {
      reader.problem("The exploration bounds (--evictions, --fills, --device-first, --latencies, --burst-bytes,"
          + " --max-runs, --no-merge) need --exhaustive.");
    }
    loaded.finish(reader);
    var plan = new ComparisonPlan(profiles, chosen, config.strategies(), firstSeed, runsPerCell, config.machine(),
        config.debug());
    if (!strategyNames.isEmpty()) {
      plan = CommandLineStrategies.restrict(plan, strategyNames);
    }
    return new Choices(plan, reportFormat, workers, bounds, options);
  }

  private static List<String> names(List<String> values) {
    return values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
  }

  private static void given(BaseConfiguration given, String option, Object value) {
    if (value != null) {
      given.setProperty(option, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf)
          .toList()) : String.valueOf(value));
    }
  }
}
