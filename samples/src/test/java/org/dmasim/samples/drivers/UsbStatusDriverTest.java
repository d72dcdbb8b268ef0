package org.dmasim.samples.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.samples.drivers.SampleRuns.ALL_PROFILES;
import static org.dmasim.samples.drivers.SampleRuns.ARM64;
import static org.dmasim.samples.drivers.SampleRuns.ARM64_CWG128;
import static org.dmasim.samples.drivers.SampleRuns.ARM64_PRE_5_19;
import static org.dmasim.samples.drivers.SampleRuns.ARMV7;
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

/** The usb-status sample: request and status mapped at once, sharing a line or not. */
class UsbStatusDriverTest {
  private static final String SAMPLE = "usb-status";

  @Test
  void bothMappedIsReportedAsATouchedLineNeverAsEexist() {
    // Linux's EEXIST check tracks device-writable mappings only, and the request is TO_DEVICE.
    // The CPU's next request and counter update share the in-flight status mapping's line.
    for (String profile : ALL_PROFILES) {
      List<RunResult> runs = runs(SAMPLE, "both-mapped", profile);
      assertThat(SampleRuns.runsWithFinding(runs, FindingClass.CPU_TOUCHED_DEVICE_LINE)).as(profile).isEqualTo(SEEDS);
      assertThat(SampleRuns.runsWithFinding(runs, FindingClass.EEXIST_OVERLAP)).as(profile).isZero();
    }
  }

  @Test
  void bothMappedFailsWhereTheStatusLineIsMaintained() {
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19)) {
      List<RunResult> runs = runs(SAMPLE, "both-mapped", profile);
      assertThat(count(runs, Outcome.DMA_DATA_CORRUPTED)).as(profile + ": " + describe(runs))
          .isGreaterThan(SEEDS * 3 / 4);
    }
    List<RunResult> r4k = runs(SAMPLE, "both-mapped", R4K);
    assertThat(count(r4k, Outcome.STALE_READ)).as(describe(r4k)).isGreaterThan(SEEDS / 2);
    List<RunResult> r10000 = runs(SAMPLE, "both-mapped", R10000);
    assertThat(count(r10000, Outcome.CPU_WRITE_LOST)).as(describe(r10000)).isGreaterThan(SEEDS / 2);
  }

  @Test
  void bothMappedIsOkWhereTheDeviceSnoopsOrTheStatusIsBounced() {
    // arm64 since 6.5 bounces the 4-byte FROM_DEVICE mapping by its size.
    for (String profile : List.of(X86, ARM64, ARM64_CWG128)) {
      List<RunResult> runs = runs(SAMPLE, "both-mapped", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
    }
  }

  @Test
  void fixedIsOkEverywhereWithoutAFinding() {
    for (String profile : ALL_PROFILES) {
      List<RunResult> runs = runs(SAMPLE, "fixed", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
      assertThat(SampleRuns.runsWithFinding(runs, FindingClass.CPU_TOUCHED_DEVICE_LINE)).as(profile).isZero();
      assertThat(runs).as(profile).allMatch(run -> run.findings().isEmpty());
    }
  }

  @Test
  void fixedRaisesNoFindingUnderStrictDebugging() {
    for (String profile : ALL_PROFILES) {
      RunResult run = SampleRuns.once(SAMPLE, "fixed", profile, 1, DebugOptions.STRICT);
      assertThat(run.findings()).as(profile).isEmpty();
      assertThat(run.verdict().outcome()).as(profile).isEqualTo(Outcome.OK);
    }
  }
}
