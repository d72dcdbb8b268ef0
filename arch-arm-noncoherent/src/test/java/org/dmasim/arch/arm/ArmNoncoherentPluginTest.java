package org.dmasim.arch.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmasim.core.Outcome;
import org.dmasim.core.contract.ArchitectureContract;
import org.dmasim.core.scenario.SeedScenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArmNoncoherentPluginTest {
  private final ArmNoncoherentPlugin plugin = new ArmNoncoherentPlugin();

  @ParameterizedTest
  @ValueSource(strings = {"armv7", "arm64", "arm64-cwg128", "arm64-pre5.19"})
  void embeddedBufferHasTheDevicesBytesOverwrittenByStaleOnes(String profile) {
    SeedScenario.Result result = ArchitectureContract.seedScenarioCpuFirst(plugin, profile,
        SeedScenario.Layout.EMBEDDED);

    assertThat(result.failures()).as(result.summary()).contains(Outcome.DMA_DATA_CORRUPTED);
    assertThat(result.memoryBuffer()).containsOnly(SeedScenario.OLD_BUFFER_BYTE);
    assertThat(result.outcome()).isEqualTo(Outcome.DMA_DATA_CORRUPTED);
    // The partial edge line is cleaned at unmap, so both of the CPU's ifield stores survive.
    assertThat(result.writeBeforeMapLost()).isFalse();
    assertThat(result.writeDuringTransferLost()).isFalse();
  }

  @TestFactory
  Stream<DynamicTest> sharedArchitectureContract() {
    return ArchitectureContract.tests(plugin, 0x4000_0000L);
  }
}
