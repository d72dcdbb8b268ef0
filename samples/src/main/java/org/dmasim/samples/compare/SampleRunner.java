package org.dmasim.samples.compare;

import com.google.inject.Injector;
import java.util.List;
import java.util.function.Consumer;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoicePoint;
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

/** Runs one sample with one strategy on a freshly booted machine, or again and again on one {@link Booted} machine. */
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
    return runDriver(injector, machine, settings, settings.seed(), sample, strategy);
  }

  /** Boots one machine for {@code sample} and {@code strategy}, to be run many times. */
  public static Booted boot(ArchitectureRegistry registry, MachineSettings settings, SampleInfo sample,
      StrategyInfo strategy, DebugOptions debug) {
    return new Booted(registry, settings, sample, strategy, debug);
  }

  private static RunResult runDriver(Injector injector, Machine machine, MachineSettings settings, long seed,
      SampleInfo sample, StrategyInfo strategy) {
    Platform platform = injector.getInstance(Platform.class);
    SampleDriver driver = injector.getInstance(sample.driver());
    Recorder recorder = new Recorder();
    if (machine.trace().enabled()) {
      machine.note("run " + sample.name() + " / " + strategy.name() + " on " + settings.profile().qualifiedName()
          + ", seed " + seed);
    }
    driver.run(recorder);
    platform.removeDriver();
    Verdict verdict = Oracle.judge(recorder, machine.memory());
    return new RunResult(seed, verdict, platform.debug().findings(), machine.costs(),
        recorder.paddingBytes(), recorder, machine.trace().events());
  }

  /**
   * One machine (one injector) booted for a sample and a strategy, saved right after boot, and
   * put back in that state before every run: each run gives what a run on a freshly booted machine
   * with the same choices gives, without building an injector each time. Not thread-safe: one
   * machine runs one program at a time.
   */
  public static final class Booted {
    private final MachineSettings settings;
    private final SampleInfo sample;
    private final StrategyInfo strategy;
    private final SwitchedChoices choices = new SwitchedChoices();
    private final Injector injector;
    private final Machine machine;
    private final Runnable restore;

    private Booted(ArchitectureRegistry registry, MachineSettings settings, SampleInfo sample, StrategyInfo strategy,
        DebugOptions debug) {
      if (registry == null || settings == null || sample == null || strategy == null || debug == null) {
        throw new IllegalArgumentException("registry, settings, sample, strategy and debug must not be null");
      }
      this.settings = settings;
      this.sample = sample;
      this.strategy = strategy;
      this.injector = Platforms.injector(registry, settings, choices, debug, strategy.swiotlbForce(),
          List.of(strategy.module()));
      this.machine = injector.getInstance(Machine.class);
      injector.getInstance(Platform.class);
      this.restore = machine.checkpoint();
    }

    /** Runs the driver once from the booted state with choices from {@code runChoices}. */
    public RunResult run(ChoiceSource runChoices, Consumer<Machine> onMachine) {
      return run(settings.seed(), runChoices, onMachine);
    }

    /** Runs once with choices seeded from {@code seed}, as a fresh machine with that seed in its settings would. */
    public RunResult run(long seed) {
      return run(seed, new SeededChoiceSource(seed, settings.rates()), machine -> { });
    }

    private RunResult run(long seed, ChoiceSource runChoices, Consumer<Machine> onMachine) {
      if (runChoices == null || onMachine == null) {
        throw new IllegalArgumentException("runChoices and onMachine must not be null");
      }
      restore.run();
      choices.use(runChoices);
      try {
        onMachine.accept(machine);
        return runDriver(injector, machine, settings, seed, sample, strategy);
      } finally {
        choices.use(SwitchedChoices.BETWEEN_RUNS);
      }
    }
  }

  /** The booted machine's one choice source, passing each run's choices on. */
  private static final class SwitchedChoices implements ChoiceSource {
    static final ChoiceSource BETWEEN_RUNS = (point, options) -> {
      throw new IllegalStateException("The machine asked for a choice (" + point + ") outside a run");
    };

    private ChoiceSource current = BETWEEN_RUNS;

    void use(ChoiceSource source) {
      current = source;
    }

    @Override
    public int choose(ChoicePoint point, int options) {
      return current.choose(point, options);
    }
  }
}
