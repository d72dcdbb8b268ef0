package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.dmasim.core.AddressFault;
import org.dmasim.core.CostReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoherentMemoryTest {
  @ParameterizedTest
  @CsvSource({"x86, x86-64, true", "arm-noncoherent, armv7, false", "arm-noncoherent, arm64, false",
      "mips, r4k, false", "mips, r10000, false"})
  void theCpuAddressIsCacheableExactlyOnCoherentMachines(String architecture, String profile, boolean cacheable) {
    TestMachine machine = TestMachine.quiet(architecture, profile);
    CoherentBlock block = machine.coherent().allocate(100);

    assertThat(machine.cacheable(block.cpuAddress())).isEqualTo(cacheable);
    assertThat(machine.machine.addressSpace().translate(block.cpuAddress()).physicalAddress())
        .isEqualTo(block.dmaAddress());
    assertThat(block.size()).isEqualTo(100);
  }

  @Test
  void mipsReachesCoherentMemoryThroughKseg1() {
    TestMachine mips = TestMachine.quiet("mips", "r4k");
    CoherentBlock block = mips.coherent().allocate(4096);

    assertThat(block.cpuAddress()).isEqualTo(0xa000_0000L + block.dmaAddress());
  }

  @ParameterizedTest
  @CsvSource({"x86, x86-64", "arm-noncoherent, arm64", "mips, r4k"})
  void blocksAreAlignedToTheirOrder(String architecture, String profile) {
    TestMachine machine = TestMachine.quiet(architecture, profile);
    machine.coherent().allocate(1);

    CoherentBlock block = machine.coherent().allocate(3 * 4096);

    assertThat(block.dmaAddress() % (4 * 4096)).isZero();
    assertThat(block.dmaAddress()).isGreaterThanOrEqualTo(PhysicalLayout.PAGES_BASE);
    assertThat(machine.coherent().bytesLostToAlignmentAndPadding()).isEqualTo((4096 - 1) + 4096);
  }

  @Test
  void theCpuAddressIsAlignedLikeTheDmaAddressWhereItFollowsFromIt() {
    for (String[] profile : new String[][] {{"x86", "x86-64"}, {"mips", "r4k"}}) {
      TestMachine machine = TestMachine.quiet(profile[0], profile[1]);
      machine.coherent().allocate(1);
      CoherentBlock block = machine.coherent().allocate(5 * 4096);
      assertThat(block.cpuAddress() % (8 * 4096)).as(profile[1]).isZero();
    }
  }

  @Test
  void armCleansDirtyLinesOverThePagesBeforeHandingThemOut() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    long page = PhysicalLayout.PAGES_BASE;
    arm.machine.cpu().store(arm.kernel(page), 8, 0x1122_3344_5566_7788L);
    assertThat(arm.machine.cache().lineState(page).dirty()).isTrue();
    CostReport before = arm.machine.costs();

    CoherentBlock block = arm.coherent().allocate(4096);

    CostReport after = arm.machine.costs();
    assertThat(block.dmaAddress()).isEqualTo(page);
    assertThat(after.maintenanceOperations() - before.maintenanceOperations())
        .isEqualTo(4096 / arm.lineSize());
    assertThat(after.writeBacks()).isGreaterThan(before.writeBacks());
    assertThat(arm.machine.cache().lineState(page).dirty()).isFalse();
    assertThat(arm.machine.memory().read(page, 4096)).containsOnly(0);
  }

  @Test
  void armv7FlushesThePages() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "armv7");
    long page = PhysicalLayout.PAGES_BASE;
    arm.machine.cpu().store(arm.kernel(page), 4, 0x5555_5555L);

    arm.coherent().allocate(4096);

    assertThat(arm.machine.cache().contains(page)).isFalse();
  }

  @Test
  void x86DoesNoMaintenanceAndZeroesThroughTheCache() {
    TestMachine x86 = TestMachine.quiet("x86", "x86-64");
    long page = PhysicalLayout.PAGES_BASE;
    x86.machine.cpu().store(x86.kernel(page), 8, -1L);
    CostReport before = x86.machine.costs();

    CoherentBlock block = x86.coherent().allocate(4096);

    assertThat(x86.machine.costs().maintenanceOperations()).isEqualTo(before.maintenanceOperations());
    assertThat(block.cpuAddress()).isEqualTo(x86.kernel(page));
    assertThat(x86.machine.cpu().read(block.cpuAddress(), 4096)).containsOnly(0);
  }

  @Test
  void memoryIsZeroedEvenWhenItHeldData() {
    TestMachine mips = TestMachine.quiet("mips", "r10000");
    byte[] garbage = new byte[8192];
    Arrays.fill(garbage, (byte) 0x5a);
    mips.machine.memory().write(PhysicalLayout.PAGES_BASE, garbage);

    CoherentBlock block = mips.coherent().allocate(8192);

    assertThat(mips.machine.cpu().read(block.cpuAddress(), 8192)).containsOnly(0);
    assertThat(mips.machine.memory().read(block.dmaAddress(), 8192)).containsOnly(0);
  }

  @Test
  void freeingWithMismatchingValuesIsRefusedNamingThemAndChangesNothing() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    CoherentMemory coherent = arm.coherent();
    CoherentBlock block = coherent.allocate(5000);
    String cpu = "0x" + Long.toHexString(block.cpuAddress());
    String dma = "0x" + Long.toHexString(block.dmaAddress());

    assertThatThrownBy(() -> coherent.free(5000, block.cpuAddress(), block.dmaAddress() + 4096))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(cpu)
        .hasMessageContaining("0x" + Long.toHexString(block.dmaAddress() + 4096));
    assertThatThrownBy(() -> coherent.free(4096, block.cpuAddress(), block.dmaAddress()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096").hasMessageContaining("5000");
    assertThatThrownBy(() -> coherent.free(5000, block.cpuAddress() + 8, block.dmaAddress()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(dma).hasMessageContaining(cpu);
    assertThat(coherent.bytesLostToAlignmentAndPadding()).isEqualTo(8192 - 5000);

    coherent.free(5000, block.cpuAddress(), block.dmaAddress());

    assertThat(coherent.bytesLostToAlignmentAndPadding()).isZero();
    assertThatThrownBy(() -> coherent.free(5000, block.cpuAddress(), block.dmaAddress()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(cpu);
    assertThatThrownBy(() -> arm.machine.cpu().load(block.cpuAddress(), 4)).isInstanceOf(AddressFault.class);
    assertThat(arm.pages().allocatePages(1)).isEqualTo(block.dmaAddress());
  }

  @Test
  void badSizesAreRefused() {
    CoherentMemory coherent = TestMachine.quiet("x86", "x86-64").coherent();

    assertThatThrownBy(() -> coherent.allocate(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> coherent.allocate(-3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-3");
    assertThat(coherent.allocate(1).dmaAddress()).isEqualTo(PhysicalLayout.PAGES_BASE);
  }
}
