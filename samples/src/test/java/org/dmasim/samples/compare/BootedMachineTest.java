package org.dmasim.samples.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A machine booted once and put back in its booted state before each run gives, run after run,
 * exactly what a freshly booted machine gives with the same choices: the verdict, the debug
 * findings, the costs, the driver's records and every trace event with its time and bytes. Runs
 * on the booted machine go in a scrambled order, so that no run could lean on the one before.
 */
class BootedMachineTest {
  private static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();
  private static final long[] SEEDS = {5, 1, 8, 3, 2, 7, 4, 6};
  /** Busier hardware than the defaults: more evictions and fills, so that more state changes between runs. */
  private static final ChoiceRates BUSY = new ChoiceRates(0.5, 0.3, 0.4);

  @TestFactory
  Stream<DynamicTest> everyCellRunsOnABootedMachineAsOnFreshOnes() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SampleInfo sample : SampleCatalog.all()) {
      for (String strategyName : sample.strategyNames()) {
        StrategyInfo strategy = sample.strategy(strategyName);
        for (ArchitectureProfile profile : REGISTRY.allProfiles()) {
          tests.add(DynamicTest.dynamicTest(sample.name() + " / " + strategyName + " on " + profile.qualifiedName(),
              () -> check(sample, strategy, profile)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(SampleInfo sample, StrategyInfo strategy, ArchitectureProfile profile) {
    MachineSettings booted = settings(profile, SEEDS[0]);
    SampleRunner.Booted machine;
    try {
      machine = SampleRunner.boot(REGISTRY, booted, sample, strategy, DebugOptions.ON);
      machine.run(SEEDS[0]);
    } catch (UnsupportedOperationException cannotRun) {
      assertThatThrownBy(() -> SampleRunner.run(REGISTRY, booted, sample, strategy, DebugOptions.ON))
          .isInstanceOf(UnsupportedOperationException.class).hasMessage(cannotRun.getMessage());
      return;
    }
    for (long seed : SEEDS) {
      RunResult fresh = SampleRunner.run(REGISTRY, settings(profile, seed), sample, strategy, DebugOptions.ON);
      RunResult again = machine.run(seed);
      assertThat(again.trace()).as("trace, seed %d", seed).isNotEmpty().isEqualTo(fresh.trace());
      assertThat(again.seed()).isEqualTo(seed);
      assertThat(again.verdict()).as("verdict, seed %d", seed).isEqualTo(fresh.verdict());
      assertThat(again.findings()).as("findings, seed %d", seed).isEqualTo(fresh.findings());
      assertThat(again.costs()).as("costs, seed %d", seed).isEqualTo(fresh.costs());
      assertThat(again.paddingBytes()).isEqualTo(fresh.paddingBytes());
      assertThat(records(again)).as("records, seed %d", seed).isEqualTo(records(fresh));
    }
  }

  private static MachineSettings settings(ArchitectureProfile profile, long seed) {
    MachineOverrides busy = new MachineOverrides(null, null, null, null, null, null, null, null, null, null, null,
        null, BUSY, MachineSettings.DEFAULT_DMA_BURST_BYTES, null);
    return busy.apply(profile, seed, true);
  }

  private static List<String> records(RunResult run) {
    List<String> records = new ArrayList<>();
    run.recorder().deviceWrites().forEach(write -> records.add(write.what() + " @" + write.dmaAddress() + " "
        + Arrays.toString(write.bytes())));
    run.recorder().cpuReads().forEach(read -> records.add(read.what() + " " + Arrays.toString(read.read()) + " "
        + Arrays.toString(read.written())));
    run.recorder().cpuStores().forEach(store -> records.add(store.toString()));
    return records;
  }
}
