package org.dmasim.arch.x86;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Cache;
import org.dmasim.core.DeviceBus;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.DmaMaintenance;
import org.dmasim.core.spi.LinearAddressSpace;

/** Binds x86: a snooping bus, no-op DMA maintenance, the direct map and an uncached alias window. */
final class X86Module extends AbstractModule {
  static final long DIRECT_MAP_BASE = 0xffff_8880_0000_0000L;
  static final long ALIAS_BASE = 0xffff_c900_0000_0000L;
  static final long MEMORY_BYTES = 512L << 20;

  private final ArchitectureProfile profile;

  X86Module(ArchitectureProfile profile) {
    this.profile = profile;
  }

  @Override
  protected void configure() {
    bind(ArchitectureProfile.class).toInstance(profile);
    bind(DmaMaintenance.class).toInstance(DmaMaintenance.SNOOPED);
  }

  @Provides
  @Singleton
  DeviceBus bus(Cache cache, PhysicalMemory memory) {
    return DeviceBus.snooping(cache, memory);
  }

  @Provides
  @Singleton
  AddressSpace addressSpace(PageTable pageTable) {
    return new LinearAddressSpace(pageTable, DIRECT_MAP_BASE, MEMORY_BYTES, ALIAS_BASE, PageAttribute.UNCACHED);
  }
}
