package org.dmasim.examples.riscv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Binding;
import com.google.inject.Key;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.ProviderLookup;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.ArchitecturePlugin;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.DeviceBus;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.Machine;
import org.dmasim.core.DmaMaintenance;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
import org.dmasim.core.Outcome;
import org.dmasim.core.contract.ArchitectureContract;
import org.dmasim.core.scenario.SeedScenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RiscvPluginTest {
  private final RiscvPlugin plugin = new RiscvPlugin();

  // --- The seed scenario (the 2002 LWN example) in the CPU-first schedule -------------------

  @Test
  void embeddedBufferLosesTheIfieldStoreMadeDuringTheTransfer() {
    SeedScenario.Result result = ArchitectureContract.seedScenarioCpuFirst(plugin, "rv64-zicbom",
        SeedScenario.Layout.EMBEDDED);

    // cbo.clean at map wrote ifield and the old buffer bytes back and kept the line; the CPU's
    // store during the transfer dirtied it; cbo.inval at unmap discarded the whole block.
    assertThat(result.outcome()).as(result.summary()).isEqualTo(Outcome.CPU_WRITE_LOST);
    assertThat(result.failures()).containsExactly(Outcome.CPU_WRITE_LOST);
    assertThat(result.writeBeforeMapLost()).isFalse();
    assertThat(result.writeDuringTransferLost()).isTrue();
    assertThat(result.ifieldAtEnd()).isEqualTo(SeedScenario.IFIELD_BEFORE_MAP);
    // The device's bytes reach memory and the CPU: nothing stale was written back over them.
    assertThat(result.memoryBuffer()).isEqualTo(result.devicePattern());
    assertThat(result.cpuReadBuffer()).isEqualTo(result.devicePattern());
  }

  @Test
  void embeddedBufferFailsUnderRandomSeedsButTheCpuNeverReadsBytesMemoryDoesNotHold() {
    boolean someSeedLostTheStore = false;
    for (long seed = 0; seed < ArchitectureContract.SEEDS; seed++) {
      SeedScenario.Result result = SeedScenario.run(ArchitectureContract.machine(plugin, "rv64-zicbom", seed, false),
          SeedScenario.Layout.EMBEDDED);
      someSeedLostTheStore |= result.writeDuringTransferLost();
      // cbo.inval after the transfer: whatever the CPU reads next comes from memory.
      assertThat(result.cpuReadBuffer()).as("seed %d: %s", seed, result.summary()).isEqualTo(result.memoryBuffer());
      assertThat(result.writeBeforeMapLost()).as("seed %d: cbo.clean at map kept it", seed).isFalse();
    }
    assertThat(someSeedLostTheStore).isTrue();
  }

  @Test
  void dmaAlignedBufferIsCorrectInTheCpuFirstSchedule() {
    SeedScenario.Result result = ArchitectureContract.seedScenarioCpuFirst(plugin, "rv64-zicbom",
        SeedScenario.Layout.DMA_ALIGNED);

    assertThat(result.outcome()).as(result.summary()).isEqualTo(Outcome.OK);
  }

  // --- The maintenance itself, one cache block at a time -----------------------------------

  @Test
  void cleanAtMapWritesBackAndKeepsTheBlockForEveryDirection() {
    for (DmaDirection direction : DmaDirection.values()) {
      Machine machine = quietMachine();
      long cached = machine.addressSpace().kernelAddress(0x4000);
      machine.cpu().store(cached + 60, 8, 0x0102_0304_0506_0708L); // straddles blocks 0x4000 and 0x4040

      machine.dmaMaintenance().forDevice(0x4000 + 60, 8, direction);

      assertThat(machine.memory().read(0x4000 + 60, 8)).as(direction.name())
          .isEqualTo(new byte[] {8, 7, 6, 5, 4, 3, 2, 1});
      assertThat(machine.cache().contains(0x4000)).as(direction.name()).isTrue();
      assertThat(machine.cache().contains(0x4040)).as(direction.name()).isTrue();
    }
  }

  @Test
  void invalAfterDmaDiscardsWholeEdgeBlocksDirtyOrNot() {
    Machine machine = quietMachine();
    long cached = machine.addressSpace().kernelAddress(0x4000);
    machine.cpu().store(cached, 4, 0xcafe_f00dL); // a counter sharing block 0x4000 with the buffer

    machine.dmaMaintenance().forCpu(0x4000 + 8, 16, DmaDirection.FROM_DEVICE);

    assertThat(machine.cache().contains(0x4000)).isFalse();
    assertThat(machine.cpu().load(cached, 4)).as("the dirty counter went with the block").isZero();
  }

  @Test
  void nothingAfterDmaForToDevice() {
    Machine machine = quietMachine();
    long cached = machine.addressSpace().kernelAddress(0x4000);
    machine.cpu().store(cached, 4, 0xcafe_f00dL);

    machine.dmaMaintenance().forCpu(0x4000, 64, DmaDirection.TO_DEVICE);

    assertThat(machine.cache().contains(0x4000)).isTrue();
    assertThat(machine.cpu().load(cached, 4)).isEqualTo(0xcafe_f00dL);
  }

  @Test
  void prepareCoherentFlushesEveryBlock() {
    Machine machine = quietMachine();
    long cached = machine.addressSpace().kernelAddress(0x8000);
    machine.cpu().store(cached + 4096 - 8, 8, -1L);

    machine.dmaMaintenance().prepareCoherent(0x8000, 4096);

    assertThat(machine.cache().contains(0x8000 + 4096 - 64)).isFalse();
    assertThat(machine.memory().read(0x8000 + 4096 - 8, 8)).containsOnly((byte) 0xff);
  }

  @Test
  void cacheBlockOperationsAreNamedAsTheAssemblerSpellsThem() {
    assertThat(RiscvDmaMaintenance.CacheBlockOperation.values())
        .extracting(RiscvDmaMaintenance.CacheBlockOperation::mnemonic)
        .containsExactly("cbo.clean", "cbo.inval", "cbo.flush");
  }

  // --- The plugin's shape ------------------------------------------------------------------

  @Test
  void theModuleBindsExactlyTheFourSpiKeys() {
    for (ArchitectureProfile profile : plugin.profiles()) {
      Set<Key<?>> bound = Elements.getElements(plugin.module(profile)).stream()
          .filter(element -> !(element instanceof ProviderLookup))
          .map(RiscvPluginTest::keyOf)
          .collect(Collectors.toSet());
      assertThat(bound).containsExactlyInAnyOrder(Key.get(ArchitectureProfile.class), Key.get(DeviceBus.class),
          Key.get(DmaMaintenance.class), Key.get(AddressSpace.class));
    }
  }

  @Test
  void theProfileStatesLinuxsConstants() {
    ArchitectureProfile profile = plugin.profiles().get(0);
    assertThat(profile.qualifiedName()).isEqualTo("riscv/rv64-zicbom");
    assertThat(profile.cache().lineSize()).isEqualTo(64);
    assertThat(profile.cache().sizeBytes()).isEqualTo(32 * 1024);
    assertThat(profile.cache().ways()).isEqualTo(4);
    assertThat(profile.l1CacheBytes()).isEqualTo(64);
    assertThat(profile.dmaAlignment()).isEqualTo(64);
    assertThat(profile.kmallocMinimumAlignment()).isEqualTo(8);
    assertThat(profile.dmaCoherent()).isFalse();
    assertThat(profile.speculativeFills()).isTrue();
    assertThat(profile.bouncesSmallKmallocBuffers()).isTrue();
    assertThat(profile.abi().pointerSize()).isEqualTo(8);
  }

  @Test
  void serviceLoaderFindsExactlyThisPlugin() {
    assertThat(ServiceLoader.load(ArchitecturePlugin.class).stream().map(ServiceLoader.Provider::type).toList())
        .containsExactly(RiscvPlugin.class);
    assertThat(ArchitectureRegistry.discover().names()).containsExactly("riscv");
  }

  @Test
  void anOverriddenProfileIsRecognisedByNameAndBoundAsGiven() {
    ArchitectureProfile noBounce = RiscvPlugin.RV64_ZICBOM.withBouncesSmallKmallocBuffers(false);
    Machine machine = Machines.create(ArchitectureContract.registry(plugin),
        MachineSettings.of(noBounce, 1));
    assertThat(machine.profile()).isEqualTo(noBounce);
    assertThat(machine.profile().bouncesSmallKmallocBuffers()).isFalse();
  }

  @Test
  void aProfileOfAnotherArchitectureIsRefused() {
    ArchitectureProfile foreign = new ArchitectureProfile("other", "rv64-zicbom", "not ours",
        RiscvPlugin.RV64_ZICBOM.cache(), 64, 64, 8, false, true, true, RiscvPlugin.RV64_ZICBOM.abi(),
        RiscvPlugin.RV64_ZICBOM.costs());
    assertThatThrownBy(() -> plugin.module(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other/rv64-zicbom");
  }

  // --- The shared contract every architecture passes ---------------------------------------

  @TestFactory
  Stream<DynamicTest> sharedArchitectureContract() {
    return ArchitectureContract.tests(plugin, 0x4000_0000L);
  }






  /** A machine whose hardware neither evicts nor speculates on its own: only the maintenance acts. */
  private Machine quietMachine() {
    return Machines.create(ArchitectureContract.registry(plugin), MachineSettings.of(RiscvPlugin.RV64_ZICBOM, 1),
        ArchitectureContract.cpuFirstSchedule());
  }

  private static Key<?> keyOf(Element element) {
    if (element instanceof Binding<?> binding) {
      return binding.getKey();
    }
    throw new AssertionError("The module does more than bind: " + element);
  }
}
