package org.dmasim.arch.mips;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Cache;
import org.dmasim.core.DeviceBus;
import org.dmasim.core.PageTable;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.DmaMaintenance;

/** Binds MIPS: a bus the cache never sees, r4k maintenance (with or without the post-DMA invalidate), KSEG0/KSEG1. */
final class MipsModule extends AbstractModule {
  private final ArchitectureProfile profile;
  private final boolean postDmaInvalidate;

  MipsModule(ArchitectureProfile profile, boolean postDmaInvalidate) {
    this.profile = profile;
    this.postDmaInvalidate = postDmaInvalidate;
  }

  @Override
  protected void configure() {
    bind(ArchitectureProfile.class).toInstance(profile);
  }

  @Provides
  @Singleton
  DmaMaintenance maintenance(Cache cache) {
    return new MipsDmaMaintenance(cache, postDmaInvalidate);
  }

  @Provides
  @Singleton
  DeviceBus bus(PhysicalMemory memory) {
    return DeviceBus.nonCoherent(memory);
  }

  @Provides
  @Singleton
  AddressSpace addressSpace(PageTable pageTable) {
    return new MipsAddressSpace(pageTable);
  }
}
