package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.ConfigReader;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.drivers.Outcome;
import org.dmasim.samples.explore.ExplorationBounds;
import org.dmasim.samples.explore.ExplorationResult;
import org.dmasim.samples.explore.ExplorationText;
import org.dmasim.samples.explore.Explorer;
import org.dmasim.samples.explore.SampleExploration;
import org.dmasim.samples.explore.Schedule;
import org.dmasim.samples.explore.ScheduleFile;
import org.dmasim.samples.report.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dmasim explore}: every schedule of one combination within bounds, with proven verdicts. */
@Command(name = "explore", mixinStandardHelpOptions = true, versionProvider = DmasimCommand.Version.class,
    description = {"Explores every schedule of one combination within bounds: proven verdicts.",
        "Bounds: spontaneous evictions, speculative fills, bursts before CPU steps and",
        "device latencies per run. Prints Never/Sometimes/Always per outcome and, for",
        "each failing outcome, the shortest schedule step by step (docs/exploration.md)."})
final class ExploreCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

  /** The top-level command, whose --config (given before this command) applies too; null when it runs this itself. */
  @ParentCommand
  DmasimCommand parent;

  @Mixin
  ExplorationOptions exploration;

  @Mixin
  CombinationOptions combination;

  @Option(names = "--schedule-out", paramLabel = "DIR",
      description = "Write each failing outcome's shortest schedule to DIR/SAMPLE-STRATEGY-PROFILE-OUTCOME.schedule.")
  Path scheduleOut;

  @Override
  public Integer call() {
    ExplorationOptions.fastInjectors();
    ArchitectureRegistry registry = ArchitectureRegistry.discover();
    CommonOptions.Loaded loaded = common.loadForChecking(registry, CommonOptions.before(parent));
    DmasimConfig config = loaded.config();
    ConfigReader reader = combination.reader(exploration.given());
    CombinationOptions.Combination chosen = combination.resolve(registry, reader);
    combination.checkMachine(reader, config, chosen, config.seed());
    ExplorationBounds bounds = exploration.bounds(reader);
    Explorer.Options options = exploration.options(reader);
    if (scheduleOut != null && scheduleOut.toString().isBlank()) {
      reader.problem("--schedule-out", "", "names no directory.");
    } else if (scheduleOut != null) {
      AtomicFiles.whyNotWritable(scheduleOut)
          .ifPresent(why -> reader.problem("--schedule-out", scheduleOut.toString(), why + "."));
    }
    if (config.debug().strict()) {
      loaded.problem(CommonOptions.strictRefused("an exploration judges whole runs"));
    }
    loaded.finish(reader);
    SampleInfo sampleInfo = chosen.sample();
    StrategyInfo strategyInfo = chosen.strategy();
    ArchitectureProfile architectureProfile = chosen.profile();
    Path configFile = common.file(CommonOptions.before(parent));

    SampleExploration cell = new SampleExploration(registry, config.machine().apply(architectureProfile,
        config.seed(), false), sampleInfo, strategyInfo, config.debug());
    ExplorationResult result;
    try {
      result = cell.explore(bounds, options, run -> { });
    } catch (UnsupportedOperationException cannotRun) {
      throw CombinationOptions.notApplicable(cannotRun);
    }

    List<ExplorationText.Written> written = new ArrayList<>();
    String replay = "./dmasim run --sample " + sampleInfo.name() + " --strategy " + strategyInfo.name() + " --arch "
        + architectureProfile.architecture() + " --profile " + architectureProfile.name()
        + (configFile == null ? "" : " --config " + configFile);
    if (scheduleOut != null) {
      for (Outcome outcome : Outcome.values()) {
        if (outcome == Outcome.OK || !result.reachable(outcome)) {
          continue;
        }
        Schedule schedule = result.shortestTo(outcome).orElseThrow();
        Path file = scheduleOut.resolve(sampleInfo.name() + "-" + strategyInfo.name() + "-"
            + architectureProfile.name() + "-" + outcome.name() + ".schedule");
        ScheduleFile.write(file, schedule, List.of(
            sampleInfo.name() + " / " + strategyInfo.name() + " on " + architectureProfile.qualifiedName()
                + (configFile == null ? "" : ", configuration " + configFile),
            "shortest schedule to " + outcome + ": " + schedule.nonQuiet()
                + (schedule.nonQuiet() == 1 ? " non-quiet answer among " : " non-quiet answers among ")
                + schedule.choices().size() + " choices",
            "bounds: " + bounds.describe(),
            "replay: " + replay + " --schedule " + file));
        written.add(new ExplorationText.Written(outcome, file));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(ExplorationText.render(cell, result, written, replay));
    if (scheduleOut != null && written.isEmpty()) {
      out.println((result.complete() ? "No failing outcome is reachable within the bounds"
          : "No failing outcome was reached before the run limit") + ": no schedule written to " + scheduleOut + ".");
    }
    out.flush();
    return 0;
  }
}
