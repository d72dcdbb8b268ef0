package org.dmasim.samples.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.dmasim.samples.drivers.SampleRuns.mean;
import static org.dmasim.samples.drivers.SampleRuns.runs;

import java.util.List;
import org.dmasim.core.CostReport;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.DmaDebugException;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.samples.compare.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The iostruct sample: what each placement of the buffer shows on each profile. */
class IostructDriverTest {
  private static final String SAMPLE = "iostruct";

  @Test
  void embeddedCorruptsTheDevicesDataWhereNothingBouncesOnArm() {
    // ARMv7 and arm64 before 5.19 invalidate the shared line at map (cleaning it, as it is a
    // partial edge line); the CPU's ifield access pulls it back in before the device writes, and
    // the unmap's edge clean writes the stale buffer bytes back over the device's.
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19)) {
      List<RunResult> runs = runs(SAMPLE, "embedded", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isLessThan(SEEDS / 10);
      assertThat(count(runs, Outcome.DMA_DATA_CORRUPTED)).as(profile + ": " + describe(runs))
          .isGreaterThan(SEEDS * 3 / 4);
    }
  }

  @Test
  void embeddedReadsStaleOnR4kAndLosesTheStoreOnR10000() {
    // r4k: Hit_Invalidate at map discards the dirty ifield store, nothing after the DMA, so the
    // line the CPU refilled during the transfer is read back stale. R10000: the post-DMA
    // invalidate discards the store made during the transfer.
    List<RunResult> r4k = runs(SAMPLE, "embedded", R4K);
    assertThat(count(r4k, Outcome.OK)).as(describe(r4k)).isZero();
    assertThat(count(r4k, Outcome.STALE_READ)).as(describe(r4k)).isGreaterThan(SEEDS / 2);
    List<RunResult> r10000 = runs(SAMPLE, "embedded", R10000);
    assertThat(count(r10000, Outcome.OK)).as(describe(r10000)).isZero();
    assertThat(count(r10000, Outcome.CPU_WRITE_LOST)).as(describe(r10000)).isGreaterThan(SEEDS / 2);
  }

  @Test
  void embeddedIsBouncedBySizeOnArm64SinceLinux65() {
    // Linux 6.5's dma_kmalloc_needs_bounce: a 16-byte FROM_DEVICE mapping on a non-coherent
    // device is under 2 * ARCH_DMA_MINALIGN (256) and its kmalloc class (16) is not a multiple of
    // 128, so it is bounced whatever the struct around it: the device writes the bounce slot and
    // the unmap copies it back, so the shared line cannot hurt. The checker still sees the CPU
    // write a line the (bounced) mapping covers.
    for (String profile : List.of(ARM64, ARM64_CWG128)) {
      List<RunResult> runs = runs(SAMPLE, "embedded", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
      assertThat(runs).as(profile).allMatch(SampleRuns::sawBouncedMapping);
      assertThat(SampleRuns.runsWithFinding(runs, FindingClass.CPU_TOUCHED_DEVICE_LINE)).isEqualTo(SEEDS);
    }
  }

  @Test
  void cachelineAlignedIsEnoughWhereLinesAreAtMostL1CacheBytes() {
    // ARMv7: 32-byte lines under a 64-byte alignment; arm64 before 5.19: 64-byte lines, L1 64.
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19, R4K, R10000)) {
      List<RunResult> runs = runs(SAMPLE, "cacheline-aligned", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
      assertThat(runs).allMatch(run -> run.findings().isEmpty());
    }
  }

  @Test
  void cachelineAlignedSharesTheWritebackGranuleOnCwg128ButIsBounced() {
    // The buffer at offset 64 shares the 128-byte granule with ifield (the checker says so),
    // but the 16-byte mapping is bounced by size, so nothing goes wrong.
    List<RunResult> runs = runs(SAMPLE, "cacheline-aligned", ARM64_CWG128);
    assertThat(count(runs, Outcome.OK)).as(describe(runs)).isEqualTo(SEEDS);
    assertThat(SampleRuns.runsWithFinding(runs, FindingClass.CPU_TOUCHED_DEVICE_LINE)).isEqualTo(SEEDS);
    assertThat(runs).allMatch(SampleRuns::sawBouncedMapping);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dma-buffer-attribute", "separate-kmalloc", "dma-pool", "bounce", "cacheline-aligned"})
  void fixesAreOkEverywhere(String strategy) {
    for (String profile : ALL_PROFILES) {
      List<RunResult> runs = runs(SAMPLE, strategy, profile);
      assertThat(count(runs, Outcome.OK)).as(strategy + " on " + profile + ": " + describe(runs)).isEqualTo(SEEDS);
    }
  }

  @Test
  void uncachedPageIsOkWhereThePageTableMapsKmallocMemory() {
    for (String profile : List.of(X86, ARMV7, ARM64, ARM64_CWG128, ARM64_PRE_5_19)) {
      List<RunResult> runs = runs(SAMPLE, "uncached-page", profile);
      assertThat(count(runs, Outcome.OK)).as(profile + ": " + describe(runs)).isEqualTo(SEEDS);
    }
  }

  @Test
  void uncachedPageCannotRunOnMipsWhereKmallocMemoryIsInKseg0() {
    // KSEG0 is an unmapped segment: its cacheability cannot change per page.
    for (String profile : List.of(R4K, R10000)) {
      assertThatThrownBy(() -> SampleRuns.once(SAMPLE, "uncached-page", profile, 1, DebugOptions.ON))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("uncached-page cannot run on mips/")
          .hasMessageContaining("KSEG0");
    }
  }

  @Test
  void costsDifferAsThe2002DiscussionPredicted() {
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19)) {
      List<RunResult> embedded = runs(SAMPLE, "embedded", profile);
      List<RunResult> separate = runs(SAMPLE, "separate-kmalloc", profile);
      List<RunResult> uncached = runs(SAMPLE, "uncached-page", profile);
      List<RunResult> pool = runs(SAMPLE, "dma-pool", profile);
      List<RunResult> bounce = runs(SAMPLE, "bounce", profile);

      // Making the page uncached sends the ifield accesses during the transfer to DRAM, and
      // cleaning and invalidating the whole page costs a line operation per line.
      assertThat(mean(uncached, CostReport::uncachedAccesses)).as(profile)
          .isGreaterThan(mean(embedded, CostReport::uncachedAccesses))
          .isGreaterThan(mean(separate, CostReport::uncachedAccesses));
      assertThat(mean(uncached, CostReport::maintenanceOperations)).as(profile)
          .isGreaterThan(mean(separate, CostReport::maintenanceOperations));
      assertThat(mean(uncached, CostReport::cycles)).as(profile).isGreaterThan(mean(separate, CostReport::cycles));

      // Pool blocks are coherent memory: every CPU access to the buffer is uncached (and creating
      // the pool poisons its whole chunk through the uncached mapping).
      assertThat(mean(separate, CostReport::uncachedAccesses)).as(profile).isZero();
      assertThat(mean(pool, CostReport::uncachedAccesses)).as(profile)
          .isGreaterThan(mean(uncached, CostReport::uncachedAccesses));

      // Bouncing copies the buffer to the bounce slot at map and back at unmap: CPU accesses
      // that separate-kmalloc does not make.
      assertThat(mean(bounce, SampleRuns::accesses)).as(profile).isGreaterThan(mean(separate, SampleRuns::accesses));
    }
  }

  @Test
  void paddingGrowsWithTheAlignmentAFixNeeds() {
    RunResult embedded = SampleRuns.once(SAMPLE, "embedded", ARM64_PRE_5_19, 1, DebugOptions.ON);
    RunResult attribute = SampleRuns.once(SAMPLE, "dma-buffer-attribute", ARM64_PRE_5_19, 1, DebugOptions.ON);
    // kmalloc(20) rounds up to the 128-byte minimum; __dma_buffer puts the buffer at 128 and pads
    // the struct to 256.
    assertThat(embedded.paddingBytes()).isEqualTo(128 - 20);
    assertThat(attribute.paddingBytes()).isEqualTo(256 - 4 - 16);
    RunResult onX86 = SampleRuns.once(SAMPLE, "dma-buffer-attribute", X86, 1, DebugOptions.ON);
    assertThat(onX86.paddingBytes()).as("__dma_buffer does nothing on a coherent machine").isEqualTo(32 - 20);
  }

  @Test
  void theFixesRaiseNoFindingUnderStrictDebugging() {
    for (String profile : NON_COHERENT) {
      for (String strategy : List.of("dma-buffer-attribute", "dma-pool")) {
        RunResult run = SampleRuns.once(SAMPLE, strategy, profile, 1, DebugOptions.STRICT);
        assertThat(run.findings()).as(strategy + " on " + profile).isEmpty();
        assertThat(run.verdict().outcome()).isEqualTo(Outcome.OK);
      }
    }
    // A separate kmalloc(16) owns its lines where kmalloc's minimum alignment covers them.
    for (String profile : List.of(ARMV7, ARM64_PRE_5_19, R4K, R10000)) {
      RunResult run = SampleRuns.once(SAMPLE, "separate-kmalloc", profile, 1, DebugOptions.STRICT);
      assertThat(run.findings()).as(profile).isEmpty();
    }
    RunResult pool = SampleRuns.once(SAMPLE, "dma-pool", X86, 1, DebugOptions.STRICT);
    assertThat(pool.findings()).isEmpty();
  }

  @Test
  void strictDebuggingStopsTheEmbeddedDriverAtTheStoreToIfield() {
    assertThatThrownBy(() -> SampleRuns.once(SAMPLE, "embedded", ARMV7, 1, DebugOptions.STRICT))
        .isInstanceOf(DmaDebugException.class)
        .satisfies(error -> assertThat(((DmaDebugException) error).finding().findingClass())
            .isEqualTo(FindingClass.CPU_TOUCHED_DEVICE_LINE));
  }
}
