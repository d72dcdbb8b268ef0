package org.dmasim.samples.compare;

import com.google.inject.Injector;
import java.util.List;
import java.util.function.Consumer;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.boot.Platforms;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.drivers.Recorder;
import org.dmasim.samples.drivers.SampleDriver;

/** Runs one sample with one strategy on one freshly booted machine. */
public final class SampleRunner {
  private SampleRunner() {}

  /** Runs with choices seeded from {@code settings}. */
  public static RunResult run(ArchitectureRegistry registry, MachineSettings settings, SampleInfo sample,
      StrategyInfo strategy, DebugOptions debug) {
    return run(registry, settings, new SeededChoiceSource(settings.seed(), settings.rates()), sample, strategy, debug);
  }

  /** Runs with hardware choices from {@code choices}. */
  public static RunResult run(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices,
      SampleInfo sample, StrategyInfo strategy, DebugOptions debug) {
    return run(registry, settings, choices, sample, strategy, debug, machine -> { });
  }

  /**
   * Runs with hardware choices from {@code choices}, handing the machine to {@code onMachine}
   * once it is built and before the driver runs (an explorer reads its state hash at each choice).
   */
  public static RunResult run(ArchitectureRegistry registry, MachineSettings settings, ChoiceSource choices,
      SampleInfo sample, StrategyInfo strategy, DebugOptions debug, Consumer<Machine> onMachine) {
    Injector injector = Platforms.injector(registry, settings, choices, debug, strategy.swiotlbForce(),
        List.of(strategy.module()));
    Machine machine = injector.getInstance(Machine.class);
    onMachine.accept(machine);
    Platform platform = injector.getInstance(Platform.class);
    SampleDriver driver = injector.getInstance(sample.driver());
    Recorder recorder = new Recorder();
    machine.note("run " + sample.name() + " / " + strategy.name() + " on " + settings.profile().qualifiedName()
        + ", seed " + settings.seed());
    driver.run(recorder);
    platform.removeDriver();
    Verdict verdict = Oracle.judge(recorder, machine.memory());
    return new RunResult(settings.seed(), verdict, platform.debug().findings(), machine.costs(),
        recorder.paddingBytes(), recorder, machine.trace().events());
  }
}
