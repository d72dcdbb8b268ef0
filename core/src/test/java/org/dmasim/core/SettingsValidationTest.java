package org.dmasim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsValidationTest {
  private static final CostModel COSTS = new CostModel(1, 10, 50, 2, 0.5, 100);
  private static final CacheGeometry CACHE = CacheGeometry.writeBack(32 * 1024, 64, 4);
  private static final ArchitectureProfile PROFILE = new ArchitectureProfile("fake", "p", "fake profile", CACHE, 64,
      64, 64, false, false, false, Abi.LP64, COSTS);

  @Nested
  class Costs {
    @Test
    void negativeHitCyclesAreRejectedNamingTheField() {
      assertThatThrownBy(() -> new CostModel(-1, 10, 50, 2, 0.5, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hitCycles").hasMessageContaining("-1");
    }

    @Test
    void negativeMissCyclesAreRejectedNamingTheField() {
      assertThatThrownBy(() -> new CostModel(1, -10, 50, 2, 0.5, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missCycles")
          .hasMessageContaining("-10");
    }

    @Test
    void negativeUncachedCyclesAreRejectedNamingTheField() {
      assertThatThrownBy(() -> new CostModel(1, 10, -50, 2, 0.5, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uncachedCycles");
    }

    @Test
    void negativeMaintenanceCyclesAreRejectedNamingTheField() {
      assertThatThrownBy(() -> new CostModel(1, 10, 50, -2, 0.5, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maintenancePerLineCycles");
    }

    @Test
    void negativeDmaSetupCyclesAreRejectedNamingTheField() {
      assertThatThrownBy(() -> new CostModel(1, 10, 50, 2, 0.5, -100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dmaSetupCycles");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aNegativeOrNonFiniteDmaRateIsRejectedNamingTheField(double rate) {
      assertThatThrownBy(() -> new CostModel(1, 10, 50, 2, rate, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dmaCyclesPerByte")
          .hasMessageContaining(String.valueOf(rate));
    }

    @Test
    void zeroEverywhereIsAccepted() {
      CostModel free = new CostModel(0, 0, 0, 0, 0, 0);

      assertThat(free.burstCycles(64)).isOne();
    }

    @Test
    void burstCyclesRoundUpAndAreAtLeastOne() {
      assertThat(new CostModel(1, 10, 50, 2, 0.5, 100).burstCycles(8)).isEqualTo(4);
      assertThat(new CostModel(1, 10, 50, 2, 0.25, 100).burstCycles(6)).isEqualTo(2);
      assertThat(new CostModel(1, 10, 50, 2, 0.25, 100).burstCycles(1)).isEqualTo(1);
      assertThat(new CostModel(1, 10, 50, 2, 2, 100).burstCycles(4096)).isEqualTo(8192);
    }

    @Test
    void aHitDearerThanAMissIsRejected() {
      assertThatThrownBy(() -> new CostModel(20, 10, 50, 2, 0.5, 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hitCycles")
          .hasMessageContaining("missCycles");
    }
  }

  @Nested
  class Settings {
    @ParameterizedTest
    @ValueSource(ints = {3, 8192, 0, -8, 6, 4097})
    void aBurstSizeThatIsNotAPowerOfTwoFromOneTo4096IsRejectedNamingIt(int burst) {
      assertThatThrownBy(() -> new MachineSettings(PROFILE, 1, CACHE, COSTS, ChoiceRates.DEFAULT, false, burst))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst size " + burst)
          .hasMessageContaining("power of two from 1 to 4096");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64, 4096})
    void powerOfTwoBurstSizesFromOneTo4096AreAccepted(int burst) {
      MachineSettings settings = new MachineSettings(PROFILE, 1, CACHE, COSTS, ChoiceRates.DEFAULT, false, burst);

      assertThat(settings.dmaBurstBytes()).isEqualTo(burst);
    }

    @Test
    void withDmaBurstBytesRevalidates() {
      MachineSettings settings = MachineSettings.of(PROFILE, 1);

      assertThatThrownBy(() -> settings.withDmaBurstBytes(3)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3");
      assertThat(settings.withDmaBurstBytes(16).dmaBurstBytes()).isEqualTo(16);
    }

    @Test
    void missingPartsAreRejected() {
      assertThatThrownBy(() -> new MachineSettings(null, 1, CACHE, COSTS, ChoiceRates.DEFAULT, false, 8))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile");
      assertThatThrownBy(() -> new MachineSettings(PROFILE, 1, null, COSTS, ChoiceRates.DEFAULT, false, 8))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache");
      assertThatThrownBy(() -> new MachineSettings(PROFILE, 1, CACHE, null, ChoiceRates.DEFAULT, false, 8))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs");
      assertThatThrownBy(() -> new MachineSettings(PROFILE, 1, CACHE, COSTS, null, false, 8))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates");
    }

    @Test
    void ofTakesTheProfileDefaultsWithTracingOff() {
      MachineSettings settings = MachineSettings.of(PROFILE, 77);

      assertThat(settings).isEqualTo(new MachineSettings(PROFILE, 77, CACHE, COSTS, ChoiceRates.DEFAULT, false,
          MachineSettings.DEFAULT_DMA_BURST_BYTES));
    }

    @Test
    void withersChangeOnlyTheirOwnPart() {
      MachineSettings base = MachineSettings.of(PROFILE, 77);
      CacheGeometry otherCache = CacheGeometry.writeBack(4096, 32, 2);
      CostModel otherCosts = new CostModel(2, 20, 60, 3, 1, 10);
      ChoiceRates otherRates = new ChoiceRates(0, 0, 0);

      assertThat(base.withTrace(true)).isEqualTo(new MachineSettings(PROFILE, 77, CACHE, COSTS,
          ChoiceRates.DEFAULT, true, 8));
      assertThat(base.withSeed(5).seed()).isEqualTo(5);
      assertThat(base.withSeed(5).withSeed(77)).isEqualTo(base);
      assertThat(base.withCache(otherCache).cache()).isEqualTo(otherCache);
      assertThat(base.withCache(otherCache).costs()).isEqualTo(COSTS);
      assertThat(base.withCosts(otherCosts).costs()).isEqualTo(otherCosts);
      assertThat(base.withRates(otherRates).rates()).isEqualTo(otherRates);
      assertThat(base.withRates(otherRates).cache()).isEqualTo(CACHE);
    }
  }

  @Nested
  class Profiles {
    @Test
    void nonPowerOfTwoAlignmentsAreRejectedNamingTheField() {
      assertThatThrownBy(() -> new ArchitectureProfile("fake", "p", "d", CACHE, 48, 64, 64, false, false, false,
          Abi.LP64, COSTS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("l1CacheBytes")
          .hasMessageContaining("48");
      assertThatThrownBy(() -> new ArchitectureProfile("fake", "p", "d", CACHE, 64, 0, 64, false, false, false,
          Abi.LP64, COSTS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dmaAlignment");
      assertThatThrownBy(() -> new ArchitectureProfile("fake", "p", "d", CACHE, 64, 64, 24, false, false, false,
          Abi.LP64, COSTS)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kmallocMinimumAlignment");
    }

    @Test
    void blankNamesAreRejected() {
      assertThatThrownBy(() -> new ArchitectureProfile(" ", "p", "d", CACHE, 64, 64, 64, false, false, false,
          Abi.LP64, COSTS)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ArchitectureProfile("fake", "", "d", CACHE, 64, 64, 64, false, false, false,
          Abi.LP64, COSTS)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
