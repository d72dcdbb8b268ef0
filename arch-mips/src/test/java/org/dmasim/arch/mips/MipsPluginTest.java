package org.dmasim.arch.mips;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmasim.core.Outcome;
import org.dmasim.core.contract.ArchitectureContract;
import org.dmasim.core.scenario.SeedScenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MipsPluginTest {
  private final MipsPlugin plugin = new MipsPlugin();

  @Test
  void r4kReadsStaleBufferBytesAndLosesTheIfieldWriteMadeBeforeMapping() {
    SeedScenario.Result result = ArchitectureContract.seedScenarioCpuFirst(plugin, "r4k",
        SeedScenario.Layout.EMBEDDED);

    assertThat(result.outcome()).as(result.summary()).isEqualTo(Outcome.STALE_READ);
    assertThat(result.cpuReadBuffer()).isNotEqualTo(result.devicePattern());
    assertThat(result.memoryBuffer()).isEqualTo(result.devicePattern());
    assertThat(result.writeBeforeMapLost()).isTrue();
    assertThat(result.ifieldSeenDuringTransfer()).isZero();
    assertThat(result.failures()).contains(Outcome.CPU_WRITE_LOST);
  }

  @Test
  void r10000LosesTheIfieldWriteMadeDuringTheTransfer() {
    SeedScenario.Result result = ArchitectureContract.seedScenarioCpuFirst(plugin, "r10000",
        SeedScenario.Layout.EMBEDDED);

    assertThat(result.outcome()).as(result.summary()).isEqualTo(Outcome.CPU_WRITE_LOST);
    assertThat(result.writeDuringTransferLost()).isTrue();
    assertThat(result.cpuReadBuffer()).isEqualTo(result.devicePattern());
    assertThat(result.memoryBuffer()).isEqualTo(result.devicePattern());
  }

  @Test
  void kseg0AndKseg1AreCachedAndUncachedViewsOfTheSameMemory() {
    var machine = ArchitectureContract.machine(plugin, "r4k", 1, false);
    long cached = machine.addressSpace().kernelAddress(0x4000);
    long uncached = machine.addressSpace().uncachedAlias(0x4000, 4);
    assertThat(cached).isEqualTo(0x8000_4000L);
    assertThat(uncached).isEqualTo(0xa000_4000L);

    machine.cpu().store(cached, 4, 0xcafe_f00dL);
    assertThat(machine.cpu().load(uncached, 4)).as("dirty in the cache, not yet in memory").isZero();
    machine.cache().clean(0x4000);
    assertThat(machine.cpu().load(uncached, 4)).isEqualTo(0xcafe_f00dL);
  }

  @TestFactory
  Stream<DynamicTest> sharedArchitectureContract() {
    return ArchitectureContract.tests(plugin, 0xc000_0000L);
  }
}
