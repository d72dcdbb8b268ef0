package org.dmasim.arch.arm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.DeviceBus;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.PhysicalMemory;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.DmaMaintenance;
import org.dmasim.core.spi.LinearAddressSpace;

/** Binds non-coherent ARM: a bus the cache never sees, the variant's maintenance, and a Normal non-cacheable alias window. */
final class ArmModule extends AbstractModule {
  static final long MEMORY_BYTES = 512L << 20;

  private final ArchitectureProfile profile;
  private final ArmDmaMaintenance.Variant variant;

  ArmModule(ArchitectureProfile profile, ArmDmaMaintenance.Variant variant) {
    this.profile = profile;
    this.variant = variant;
  }

  @Override
  protected void configure() {
    bind(ArchitectureProfile.class).toInstance(profile);
    bind(ArmDmaMaintenance.Variant.class).toInstance(variant);
    bind(DmaMaintenance.class).to(ArmDmaMaintenance.class).in(Singleton.class);
    bind(ArmDmaMaintenance.class);
  }

  @Provides
  @Singleton
  DeviceBus bus(PhysicalMemory memory) {
    return DeviceBus.nonCoherent(memory);
  }

  @Provides
  @Singleton
  AddressSpace addressSpace(PageTable pageTable) {
    boolean is64Bit = profile.abi().pointerSize() == 8;
    long linearBase = is64Bit ? 0xffff_0000_0000_0000L : 0xc000_0000L;
    long aliasBase = is64Bit ? 0xffff_8000_0000_0000L : 0xe800_0000L;
    return new LinearAddressSpace(pageTable, linearBase, MEMORY_BYTES, aliasBase, PageAttribute.WRITE_COMBINE);
  }
}
