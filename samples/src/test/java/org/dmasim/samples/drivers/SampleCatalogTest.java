package org.dmasim.samples.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.junit.jupiter.api.Test;

/** The catalog of sample drivers and strategies. */
class SampleCatalogTest {
  @Test
  void listsTheSamplesInOrderWithTheirStrategies() {
    assertThat(SampleCatalog.all()).extracting(SampleInfo::name)
        .containsExactly("iostruct", "rx-ring", "usb-status", "spi-sensor");
    assertThat(SampleCatalog.sample("iostruct").strategyNames()).containsExactly("embedded", "dma-buffer-attribute",
        "cacheline-aligned", "separate-kmalloc", "uncached-page", "dma-pool", "bounce");
    assertThat(SampleCatalog.sample("rx-ring").strategyNames()).containsExactly("correct", "missing-sync");
    assertThat(SampleCatalog.sample("usb-status").strategyNames()).containsExactly("both-mapped", "fixed");
    assertThat(SampleCatalog.sample("spi-sensor").strategyNames())
        .containsExactly("unaligned", "cacheline-aligned", "dma-minalign");
  }

  @Test
  void onlyBounceBootsWithSwiotlbForce() {
    for (SampleInfo sample : SampleCatalog.all()) {
      for (StrategyInfo strategy : sample.strategies()) {
        assertThat(strategy.swiotlbForce()).as(sample.name() + "/" + strategy.name())
            .isEqualTo(strategy.name().equals("bounce"));
      }
    }
  }

  @Test
  void everyOutcomeIsGradedAndOnlyOkIsAcceptable() {
    for (SampleInfo sample : SampleCatalog.all()) {
      for (Outcome outcome : Outcome.values()) {
        assertThat(sample.expectations().grade(outcome)).as(sample.name() + " " + outcome)
            .isEqualTo(outcome == Outcome.OK ? Grade.ACCEPTABLE : Grade.FORBIDDEN);
        assertThat(sample.expectations().descriptions().get(outcome)).isNotBlank();
      }
    }
  }

  @Test
  void anUnknownSampleListsTheNamesAndSuggestsTheClosest() {
    assertThatThrownBy(() -> SampleCatalog.sample("rx-rign"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown sample 'rx-rign'")
        .hasMessageContaining("iostruct, rx-ring, usb-status, spi-sensor")
        .hasMessageContaining("Did you mean 'rx-ring'?");
    assertThatThrownBy(() -> SampleCatalog.sample("nothing-like-it"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Did you mean");
  }
}
