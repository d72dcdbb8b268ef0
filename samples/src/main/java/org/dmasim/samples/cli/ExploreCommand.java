package org.dmasim.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmasim explore}: every schedule of one combination within bounds, with proven verdicts. */
@Command(name = "explore", mixinStandardHelpOptions = true,
    description = {"Explores every schedule of one combination within bounds: proven verdicts.",
        "Bounds: spontaneous evictions, speculative fills, bursts before CPU steps and",
        "device latencies per run. Prints Never/Sometimes/Always per outcome and, for",
        "each failing outcome, the shortest schedule step by step (docs/exploration.md)."})
final class ExploreCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CommonOptions common;

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
    ConfigReader reader = combination.reader();
    CombinationOptions.Combination chosen = combination.resolve(registry, reader);
    ExplorationBounds bounds = exploration.bounds(reader);
    Explorer.Options options = exploration.options(reader);
    if (scheduleOut != null && !Files.isDirectory(scheduleOut)) {
      reader.problem("--schedule-out", scheduleOut.toString(), "is not a directory.");
    }
    reader.finish();
    SampleInfo sampleInfo = chosen.sample();
    StrategyInfo strategyInfo = chosen.strategy();
    ArchitectureProfile architectureProfile = chosen.profile();
    DmasimConfig config = common.load(registry);
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
        + (common.config == null ? "" : " --config " + common.config);
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
                + (common.config == null ? "" : ", configuration " + common.config),
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
    out.flush();
    return 0;
  }
}
