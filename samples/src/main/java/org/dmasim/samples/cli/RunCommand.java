package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.driver.api.DmaDebugException;
import org.dmasim.core.CostReport;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.driver.api.Finding;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.compare.SampleRunner;
import org.dmasim.samples.compare.Timeline;
import org.dmasim.samples.drivers.Outcome;
import org.dmasim.samples.explore.ScheduleChoiceSource;
import org.dmasim.samples.explore.ScheduleFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dmasim run}: one sample, strategy and profile with one seed, or replaying a schedule
 * file, optionally with its annotated timeline.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = DmasimCommand.Version.class,
    description = "Runs one combination and prints its outcome; with --trace, its annotated event timeline.")
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  /** The top-level command, whose --config (given before this command) applies too; null when it runs this itself. */
  @ParentCommand
  DmasimCommand parent;

  @Mixin
  CombinationOptions combination;

  @Option(names = "--seed", paramLabel = "N", description = "The seed (default: the configuration's).")
  String seed;

  @Option(names = "--trace", description = "Print the event timeline, annotated.")
  boolean trace;

  @Option(names = "--schedule", paramLabel = "FILE",
      description = "Replay the hardware choices in FILE (written by explore --schedule-out) instead of a seed.")
  java.nio.file.Path schedule;

  @Override
  public Integer call() {
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    CommonOptions.Loaded loaded = common.loadForChecking(registry, CommonOptions.before(parent));
    DmasimConfig config = loaded.config();
    ConfigReader reader = combination.reader(seed == null ? Map.of() : Map.of("--seed", seed));
    CombinationOptions.Combination chosen = combination.resolve(registry, reader);
    long runSeed = DmasimConfig.seed(reader, "--seed", config.seed());
    if (schedule != null && seed != null) {
      reader.problem("--seed " + seed + " and --schedule " + schedule + " both choose the hardware's answers:"
          + " a schedule fixes every one of them, so give only one.");
    }
    combination.checkMachine(reader, config, chosen, runSeed);
    ScheduleFile.Read replayed = null;
    if (schedule != null) {
      try {
        replayed = ScheduleFile.read(schedule);
      } catch (IllegalArgumentException e) {
        reader.problem(e.getMessage() + ".");
      }
    }
    loaded.finish(reader);
    SampleInfo sampleInfo = chosen.sample();
    StrategyInfo strategyInfo = chosen.strategy();
    ArchitectureProfile architectureProfile = chosen.profile();
    MachineSettings settings = config.machine().apply(architectureProfile, runSeed, trace);
    RunResult result;
    if (replayed == null) {
      try {
        result = SampleRunner.run(registry, settings, sampleInfo, strategyInfo, config.debug());
      } catch (UnsupportedOperationException cannotRun) {
        throw CombinationOptions.notApplicable(cannotRun);
      } catch (DmaDebugException stopped) {
        return stoppedByTheChecker(sampleInfo, strategyInfo, architectureProfile, "seed " + runSeed, stopped);
      }
    } else {
      settings = settings.withDmaBurstBytes(replayed.schedule().burstBytes());
      ScheduleChoiceSource choices = new ScheduleChoiceSource(replayed.schedule(), replayed.lines(),
          schedule.toString());
      try {
        result = SampleRunner.run(registry, settings, choices, sampleInfo, strategyInfo, config.debug());
      } catch (UnsupportedOperationException cannotRun) {
        throw CombinationOptions.notApplicable(cannotRun);
      } catch (DmaDebugException stopped) {
        return stoppedByTheChecker(sampleInfo, strategyInfo, architectureProfile, "schedule " + schedule, stopped);
      }
      choices.checkFinished();
    }

    PrintWriter out = spec.commandLine().getOut();
    if (replayed == null) {
      out.printf("%s / %s on %s, seed %d: %s%n", sampleInfo.name(), strategyInfo.name(),
          architectureProfile.qualifiedName(), runSeed, result.verdict().outcome());
    } else {
      out.printf("%s / %s on %s, schedule %s (%d choices, %d non-quiet, bursts of %d bytes): %s%n",
          sampleInfo.name(), strategyInfo.name(), architectureProfile.qualifiedName(), schedule,
          replayed.schedule().choices().size(), replayed.schedule().nonQuiet(), replayed.schedule().burstBytes(),
          result.verdict().outcome());
      Outcome expected = replayed.schedule().outcome();
      if (expected != null && expected != result.verdict().outcome()) {
        out.printf("  the schedule expected %s%n", expected);
      }
    }
    result.verdict().reasons().forEach(reason -> out.println("  " + reason));
    for (Finding finding : result.findings()) {
      out.println("  DMA-API debug: " + finding.format());
    }
    CostReport costs = result.costs();
    out.printf("  cost: %d cycles, %d hits, %d misses, %d maintenance ops, %d uncached accesses, %d write-backs,"
            + " %d speculative fills, %d DMA bytes, %d padding bytes%n", costs.cycles(), costs.hits(), costs.misses(),
        costs.maintenanceOperations(), costs.uncachedAccesses(), costs.writeBacks(), costs.speculativeFills(),
        costs.dmaBytes(), result.paddingBytes());
    if (trace) {
      var writes = result.recorder().deviceWrites();
      int lineSize = settings.cache().lineSize();
      Timeline timeline = writes.isEmpty() ? new Timeline(0, 0, lineSize)
          : new Timeline(writes.get(0).dmaAddress(), writes.get(0).bytes().length, lineSize);
      out.println();
      out.printf("Timeline (cycles; watching the device buffer's line %s; <<< marks what did the damage):%n",
          org.dmasim.core.Hex.address(timeline.watchedLine()));
      timeline.annotateAll(result.trace()).forEach(out::println);
    }
    out.flush();
    return 0;
  }

  /** debug.strict: the checker stopped the run at its first finding, so there is no outcome to judge. */
  private int stoppedByTheChecker(SampleInfo sampleInfo, StrategyInfo strategyInfo, ArchitectureProfile profile,
      String how, DmaDebugException stopped) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s / %s on %s, %s: stopped by the DMA-API debug checker (debug.strict) at its first finding%n",
        sampleInfo.name(), strategyInfo.name(), profile.qualifiedName(), how);
    out.println("  DMA-API debug: " + stopped.finding().format());
    out.flush();
    return 0;
  }
}
