package org.dmasim.samples.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.samples.drivers.SampleRuns.SEEDS;
import static org.dmasim.samples.drivers.SampleRuns.X86;
import static org.dmasim.samples.drivers.SampleRuns.count;
import static org.dmasim.samples.drivers.SampleRuns.describe;

import java.util.List;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.compare.RunResult;
import org.junit.jupiter.api.Test;

/** On coherent x86 every sample and strategy, bugs included, ends OK. */
class X86AllOkTest {
  @Test
  void everySampleAndStrategyIsOkOnX86() {
    for (SampleInfo sample : SampleCatalog.all()) {
      for (StrategyInfo strategy : sample.strategies()) {
        List<RunResult> runs = SampleRuns.runs(sample.name(), strategy.name(), X86);
        assertThat(count(runs, Outcome.OK)).as(sample.name() + "/" + strategy.name() + ": " + describe(runs))
            .isEqualTo(SEEDS);
      }
    }
  }
}
