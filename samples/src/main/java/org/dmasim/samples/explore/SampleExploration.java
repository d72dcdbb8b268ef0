package org.dmasim.samples.explore;

import java.util.function.Consumer;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.compare.SampleRunner;

/**
 * One sample with one strategy on one machine configuration, as the explorer and the schedule
 * replay see it. The settings' burst size is replaced by the bounds' (exploring) or the
 * schedule's (replaying); tracing is off while exploring. An exploration boots one machine and
 * puts it back in its booted state before each execution ({@link SampleRunner.Booted}).
 */
public record SampleExploration(ArchitectureRegistry registry, MachineSettings settings, SampleInfo sample,
    StrategyInfo strategy, DebugOptions debug) {
  /** Checks the parts are present. */
  public SampleExploration {
    if (registry == null || settings == null || sample == null || strategy == null || debug == null) {
      throw new IllegalArgumentException("registry, settings, sample, strategy and debug must not be null");
    }
  }

  /**
   * Explores every schedule within {@code bounds}; {@code onExecution} hears each complete run.
   *
   * @throws UnsupportedOperationException when the strategy cannot run on the profile
   */
  public ExplorationResult explore(ExplorationBounds bounds, Explorer.Options options,
      Consumer<RunResult> onExecution) {
    MachineSettings explored = bounds.apply(settings.withTrace(false));
    SampleRunner.Booted[] booted = new SampleRunner.Booted[1];
    return Explorer.explore((choices, onMachine) -> {
      if (booted[0] == null) {
        booted[0] = SampleRunner.boot(registry, explored, sample, strategy, debug);
      }
      return booted[0].run(choices, onMachine);
    }, bounds.burstBytes(), bounds, options, onExecution);
  }

  /** Explores with the default options, ignoring the runs. */
  public ExplorationResult explore(ExplorationBounds bounds) {
    return explore(bounds, Explorer.Options.DEFAULT, run -> { });
  }

  /** Runs {@code schedule} exactly (its burst size), with tracing when asked; a divergence throws. */
  public RunResult replay(Schedule schedule, boolean trace) {
    return replay(new ScheduleChoiceSource(schedule), schedule, trace, machine -> { });
  }

  /** Runs {@code schedule} through {@code source} (which replays it), then checks it was used up. */
  RunResult replay(ScheduleChoiceSource source, Schedule schedule, boolean trace, Consumer<Machine> onMachine) {
    return replayThrough(source, source, schedule, trace, onMachine);
  }

  /** Runs with {@code choices}, which pass {@code replay}'s answers through; checks the schedule was used up. */
  RunResult replayThrough(ChoiceSource choices, ScheduleChoiceSource replay, Schedule schedule, boolean trace,
      Consumer<Machine> onMachine) {
    MachineSettings replayed = settings.withDmaBurstBytes(schedule.burstBytes()).withTrace(trace);
    RunResult result = run(replayed, choices, onMachine);
    replay.checkFinished();
    return result;
  }

  /** The settings a schedule replays with: these, with its burst size. */
  public MachineSettings settingsFor(Schedule schedule) {
    return settings.withDmaBurstBytes(schedule.burstBytes());
  }

  private RunResult run(MachineSettings runSettings, ChoiceSource choices, Consumer<Machine> onMachine) {
    return SampleRunner.run(registry, runSettings, choices, sample, strategy, debug, onMachine);
  }
}
