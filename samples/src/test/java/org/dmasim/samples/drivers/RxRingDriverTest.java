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

/** The rx-ring sample: the correct receive path and the missing sync_for_cpu. */
class RxRingDriverTest {
  private static final String SAMPLE = "rx-ring";

  @Test
  void correctIsOkEverywhere() {
    for (String profile : ALL_PROFILES) {
      List<RunResult> runs = runs(SAMPLE, "correct", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
      assertThat(runs).as(profile).allMatch(run -> run.findings().isEmpty());
    }
  }

  @Test
  void missingSyncReadsThePreviousPacketWhereSyncForDeviceOnlyCleans() {
    // arm64 since 5.19 cleans for a device write: the lines of the previous packet the CPU read
    // stay valid through sync_for_device, so reading before sync_for_cpu hits them.
    for (String profile : List.of(ARM64, ARM64_CWG128)) {
      List<RunResult> runs = runs(SAMPLE, "missing-sync", profile);
      assertThat(count(runs, Outcome.STALE_READ)).as(profile + ": " + describe(runs)).isGreaterThan(SEEDS / 2);
    }
  }

  @Test
  void missingSyncShowsOnlyThroughSpeculationWhereSyncForDeviceInvalidates() {
    // ARMv7, arm64 before 5.19 and R10000 invalidate at sync_for_device, so only a line the core
    // fills speculatively (next to the other buffer the CPU is reading) before the device's
    // bytes land is stale: rare, but there.
    int seeds = 300;
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19, R10000)) {
      List<RunResult> runs = runs(SAMPLE, "missing-sync", profile, seeds);
      assertThat(count(runs, Outcome.STALE_READ)).as(profile + ": " + describe(runs))
          .isPositive().isLessThan(seeds / 5);
      assertThat(count(runs, Outcome.STALE_READ) + count(runs, Outcome.OK)).isEqualTo(seeds);
    }
  }

  @Test
  void missingSyncIsHarmlessWhereNothingKeepsOrFetchesTheLines() {
    // x86 snoops the device's writes; r4k invalidates at sync_for_device and never fills a line
    // the program did not touch (Linux skips its sync_for_cpu altogether).
    for (String profile : List.of(X86, R4K)) {
      List<RunResult> runs = runs(SAMPLE, "missing-sync", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
    }
  }

  @Test
  void theCheckerCatchesTheMissingSyncOnEveryProfile() {
    for (String profile : ALL_PROFILES) {
      List<RunResult> runs = runs(SAMPLE, "missing-sync", profile, 5);
      assertThat(SampleRuns.runsWithFinding(runs, FindingClass.CPU_TOUCHED_DEVICE_BUFFER)).as(profile).isEqualTo(5);
    }
  }

  @Test
  void correctRaisesNoFindingUnderStrictDebugging() {
    for (String profile : ALL_PROFILES) {
      RunResult run = SampleRuns.once(SAMPLE, "correct", profile, 1, DebugOptions.STRICT);
      assertThat(run.findings()).as(profile).isEmpty();
      assertThat(run.verdict().outcome()).as(profile).isEqualTo(Outcome.OK);
    }
  }
}
