package org.dmasim.allocators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmasim.core.AddressFault;
import org.dmasim.core.CostReport;
import org.dmasim.core.PageAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UncachedPagesTest {
  private static final long PAGE_PHYSICAL = 0x30_0000L;

  @ParameterizedTest
  @CsvSource({"x86, x86-64", "arm-noncoherent, armv7", "arm-noncoherent, arm64"})
  void otherDataOnThePageIsUncachedUntilRestored(String architecture, String profile) {
    TestMachine machine = TestMachine.quiet(architecture, profile);
    long page = machine.kernel(PAGE_PHYSICAL);
    long buffer = page + 0x100;
    long field = page + 0x800;
    machine.machine.cpu().store(field, 8, 0x0123_4567_89ab_cdefL);

    UncachedPages.Region region = machine.uncached().makeUncached(buffer, 16);

    assertThat(region.virtualAddress()).isEqualTo(page);
    assertThat(region.length()).isEqualTo(4096);
    assertThat(machine.machine.cache().contains(PAGE_PHYSICAL + 0x800)).isFalse();
    assertThat(machine.machine.memory().read(PAGE_PHYSICAL + 0x800, 8))
        .containsExactly(0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01);
    CostReport before = machine.machine.costs();
    assertThat(machine.machine.cpu().load(field, 8)).isEqualTo(0x0123_4567_89ab_cdefL);
    machine.machine.cpu().store(field, 4, 5);
    CostReport uncached = machine.machine.costs();
    assertThat(uncached.uncachedAccesses() - before.uncachedAccesses()).isEqualTo(2);
    assertThat(uncached.hits() + uncached.misses()).isEqualTo(before.hits() + before.misses());

    region.restore();

    machine.machine.cpu().load(field, 8);
    CostReport restored = machine.machine.costs();
    assertThat(restored.uncachedAccesses()).isEqualTo(uncached.uncachedAccesses());
    assertThat(restored.hits() + restored.misses()).isEqualTo(uncached.hits() + uncached.misses() + 1);
    assertThat(machine.cacheable(buffer)).isTrue();
    assertThatThrownBy(region::restore).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already been restored");
  }

  @Test
  void everyPageTheRangeTouchesIsMadeUncached() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    long start = arm.kernel(PAGE_PHYSICAL) + 4000;

    UncachedPages.Region region = arm.uncached().makeUncached(start, 200);

    assertThat(region.virtualAddress()).isEqualTo(arm.kernel(PAGE_PHYSICAL));
    assertThat(region.length()).isEqualTo(8192);
    assertThat(arm.cacheable(start)).isFalse();
    assertThat(arm.cacheable(start + 199)).isFalse();
    assertThat(arm.cacheable(start + 8192)).isTrue();
    region.restore();
    assertThat(arm.cacheable(start)).isTrue();
    assertThat(arm.cacheable(start + 199)).isTrue();
  }

  @Test
  void aFaultOnAnyPageChangesNothing() {
    TestMachine x86 = TestMachine.quiet("x86", "x86-64");
    long lastPage = x86.kernel(PhysicalLayout.MEMORY_BYTES - 4096);
    long maintenance = x86.machine.costs().maintenanceOperations();

    assertThatThrownBy(() -> x86.uncached().makeUncached(lastPage, 8192)).isInstanceOf(AddressFault.class)
        .hasMessageContaining("0x" + Long.toHexString(lastPage + 4096));

    assertThat(x86.cacheable(lastPage)).isTrue();
    assertThat(x86.machine.costs().maintenanceOperations()).isEqualTo(maintenance);
  }

  @Test
  void pagesThatAreNotWriteBackAreRefused() {
    TestMachine arm = TestMachine.quiet("arm-noncoherent", "arm64");
    long page = arm.kernel(PAGE_PHYSICAL);
    UncachedPages.Region region = arm.uncached().makeUncached(page, 1);

    assertThatThrownBy(() -> arm.uncached().makeUncached(page + 64, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PageAttribute.UNCACHED.name());
    long alias = arm.machine.addressSpace().uncachedAlias(0x10_0000L, 4096);
    assertThatThrownBy(() -> arm.uncached().makeUncached(alias, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PageAttribute.WRITE_COMBINE.name());
    region.restore();
  }

  @Test
  void mipsKseg0CannotChangeItsCacheabilityPerPage() {
    TestMachine mips = TestMachine.quiet("mips", "r4k");
    long kseg0 = mips.kernel(PAGE_PHYSICAL);
    long maintenance = mips.machine.costs().maintenanceOperations();

    assertThatThrownBy(() -> mips.uncached().makeUncached(kseg0, 16)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KSEG0").hasMessageContaining("0x" + Long.toHexString(kseg0));
    assertThat(mips.cacheable(kseg0)).isTrue();
    assertThat(mips.machine.costs().maintenanceOperations()).isEqualTo(maintenance);
    assertThatThrownBy(() -> mips.uncached().makeUncached(0x4000_0000L, 16)).isInstanceOf(AddressFault.class);
  }

  @Test
  void mipsPagesMappedThroughThePageTableCanBeMadeUncached() {
    TestMachine mips = TestMachine.quiet("mips", "r4k");
    long mapped = 0xc000_0000L;
    mips.machine.pageTable().map(mapped, PAGE_PHYSICAL, 4096, PageAttribute.WRITE_BACK);

    UncachedPages.Region region = mips.uncached().makeUncached(mapped + 8, 8);

    assertThat(mips.cacheable(mapped)).isFalse();
    region.restore();
    assertThat(mips.cacheable(mapped)).isTrue();
  }

  @Test
  void badLengthsAreRefused() {
    TestMachine x86 = TestMachine.quiet("x86", "x86-64");
    assertThatThrownBy(() -> x86.uncached().makeUncached(x86.kernel(PAGE_PHYSICAL), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
  }
}
