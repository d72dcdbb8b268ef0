package org.dmasim.samples.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.samples.drivers.SampleRuns.ALL_PROFILES;
import static org.dmasim.samples.drivers.SampleRuns.ARM64;
import static org.dmasim.samples.drivers.SampleRuns.ARM64_CWG128;
import static org.dmasim.samples.drivers.SampleRuns.ARM64_PRE_5_19;
import static org.dmasim.samples.drivers.SampleRuns.ARMV7;
import static org.dmasim.samples.drivers.SampleRuns.NON_COHERENT;
import static org.dmasim.samples.drivers.SampleRuns.R10000;
import static org.dmasim.samples.drivers.SampleRuns.R4K;
import static org.dmasim.samples.drivers.SampleRuns.SEEDS;
import static org.dmasim.samples.drivers.SampleRuns.X86;
import static org.dmasim.samples.drivers.SampleRuns.count;
import static org.dmasim.samples.drivers.SampleRuns.describe;
import static org.dmasim.samples.drivers.SampleRuns.runs;

import java.util.List;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.samples.compare.RunResult;
import org.junit.jupiter.api.Test;

/** The spi-sensor sample: where rx_buf sits next to the lock the CPU takes. */
class SpiSensorDriverTest {
  private static final String SAMPLE = "spi-sensor";

  @Test
  void unalignedFailsOnNonCoherentMachinesThatDoNotBounce() {
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19, R4K, R10000)) {
      List<RunResult> runs = runs(SAMPLE, "unaligned", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isLessThan(SEEDS / 10);
    }
  }

  @Test
  void unalignedIsOkWhereTheDeviceSnoopsOrTheMappingIsBounced() {
    // arm64 since 6.5: the 4-byte FROM_DEVICE mapping is bounced by its size.
    for (String profile : List.of(X86, ARM64, ARM64_CWG128)) {
      List<RunResult> runs = runs(SAMPLE, "unaligned", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
    }
  }

  @Test
  void cachelineAlignedIsOkWhereLinesAreAtMostL1CacheBytes() {
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19)) {
      List<RunResult> runs = runs(SAMPLE, "cacheline-aligned", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
      assertThat(runs).allMatch(run -> run.findings().isEmpty());
    }
    // On the 128-byte granule the lock shares rx_buf's line: only the bounce saves it.
    List<RunResult> cwg128 = runs(SAMPLE, "cacheline-aligned", ARM64_CWG128);
    assertThat(count(cwg128, Outcome.OK)).as(describe(cwg128)).isEqualTo(SEEDS);
    assertThat(SampleRuns.runsWithFinding(cwg128, FindingClass.CPU_TOUCHED_DEVICE_LINE)).isEqualTo(SEEDS);
  }

  @Test
  void dmaMinalignIsOkEverywhere() {
    for (String profile : ALL_PROFILES) {
      List<RunResult> runs = runs(SAMPLE, "dma-minalign", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
    }
  }

  @Test
  void dmaMinalignRaisesNoFindingUnderStrictDebugging() {
    for (String profile : NON_COHERENT) {
      RunResult run = SampleRuns.once(SAMPLE, "dma-minalign", profile, 1, DebugOptions.STRICT);
      assertThat(run.findings()).as(profile).isEmpty();
      assertThat(run.verdict().outcome()).as(profile).isEqualTo(Outcome.OK);
    }
  }
}
