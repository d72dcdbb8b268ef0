package org.dmasim.examples.riscv;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.Cache;
import org.dmasim.core.DeviceBus;
import org.dmasim.core.DmaMaintenance;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.core.spi.LinearAddressSpace;

/**
 * Binds non-coherent RISC-V: exactly {@link ArchitectureProfile}, {@link DeviceBus} (one the
 * cache never sees), {@link DmaMaintenance} (Zicbom block operations) and {@link AddressSpace}
 * (Sv39's direct map, with coherent buffers remapped non-cacheable in the vmalloc area). It
 * only binds; every object is built when the machine's injector asks for it.
 */
final class RiscvModule extends AbstractModule {
  /** Sv39: the direct mapping of all physical memory (Documentation/arch/riscv/vm-layout.rst). */
  static final long DIRECT_MAP_BASE = 0xffff_ffd6_0000_0000L;
  /** Sv39: the vmalloc/ioremap area, where dma_alloc_coherent's non-cacheable remaps go. */
  static final long VMALLOC_BASE = 0xffff_ffc6_0000_0000L;
  /** The memory the direct map covers, as the other architectures model it. */
  static final long MEMORY_BYTES = 512L << 20;

  private final ArchitectureProfile profile;

  RiscvModule(ArchitectureProfile profile) {
    if (profile == null) {
      throw new IllegalArgumentException("profile must not be null");
    }
    this.profile = profile;
  }

  @Override
  protected void configure() {
    bind(ArchitectureProfile.class).toInstance(profile);
  }

  @Provides
  @Singleton
  DmaMaintenance maintenance(Cache cache) {
    return new RiscvDmaMaintenance(cache);
  }

  @Provides
  @Singleton
  DeviceBus bus(PhysicalMemory memory) {
    return DeviceBus.nonCoherent(memory);
  }

  /**
   * The coherent alias is Svpbmt's NC memory type: non-cacheable, idempotent, weakly ordered
   * main memory, so writes may be buffered, as ARM's Normal non-cacheable.
   */
  @Provides
  @Singleton
  AddressSpace addressSpace(PageTable pageTable) {
    return new LinearAddressSpace(pageTable, DIRECT_MAP_BASE, MEMORY_BYTES, VMALLOC_BASE, PageAttribute.WRITE_COMBINE);
  }
}
