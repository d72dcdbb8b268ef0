package org.dmasim.arch.x86;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmasim.core.Outcome;
import org.dmasim.core.contract.ArchitectureContract;
import org.dmasim.core.scenario.SeedScenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class X86PluginTest {
  private final X86Plugin plugin = new X86Plugin();

  @Test
  void embeddedBufferIsCorrectInTheCpuFirstSchedule() {
    SeedScenario.Result result = ArchitectureContract.seedScenarioCpuFirst(plugin, "x86-64",
        SeedScenario.Layout.EMBEDDED);

    assertThat(result.outcome()).as(result.summary()).isEqualTo(Outcome.OK);
    assertThat(result.cpuReadBuffer()).isEqualTo(result.devicePattern());
    assertThat(result.ifieldAtEnd()).isEqualTo(SeedScenario.IFIELD_DURING_TRANSFER);
  }

  @Test
  void embeddedBufferIsCorrectUnderEverySeed() {
    for (long seed = 0; seed < ArchitectureContract.SEEDS; seed++) {
      SeedScenario.Result result = SeedScenario.run(ArchitectureContract.machine(plugin, "x86-64", seed, false),
          SeedScenario.Layout.EMBEDDED);
      assertThat(result.outcome()).as("seed %d: %s", seed, result.summary()).isEqualTo(Outcome.OK);
      assertThat(result.ifieldAtEnd()).isEqualTo(SeedScenario.IFIELD_DURING_TRANSFER);
    }
  }

  @TestFactory
  Stream<DynamicTest> sharedArchitectureContract() {
    return ArchitectureContract.tests(plugin, 0x7f00_0000_0000L);
  }
}
