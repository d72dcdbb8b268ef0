package org.dmasim.driver.api.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import org.dmasim.core.Cache;
import org.dmasim.core.ArchitectureProfile;
import org.dmasim.core.Restorable;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.driver.api.Device;
import org.dmasim.driver.api.DmaApi;
import org.dmasim.driver.api.DmaDebug;
import org.dmasim.driver.api.KernelMemory;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Target;

/** Binds the driver API of one machine. Needs the core, an architecture and the allocators in the same injector. */
public final class DriverApiModule extends AbstractModule {
  private final DebugOptions debugOptions;
  private final boolean swiotlbForce;

  /**
   * The driver API with DMA-API debugging as {@code debugOptions} says; with
   * {@code swiotlbForce} every streaming mapping is bounced, as Linux's {@code swiotlb=force}.
   */
  public DriverApiModule(DebugOptions debugOptions, boolean swiotlbForce) {
    if (debugOptions == null) {
      throw new IllegalArgumentException("debugOptions must not be null");
    }
    this.debugOptions = debugOptions;
    this.swiotlbForce = swiotlbForce;
  }

  @Override
  protected void configure() {
    bind(DebugOptions.class).toInstance(debugOptions);
    bind(Boolean.class).annotatedWith(Names.named("swiotlb.force")).toInstance(swiotlbForce);
    bind(MappingTable.class).in(Singleton.class);
    bind(DebugChecker.class).in(Singleton.class);
    bind(DmaDebug.class).to(DebugChecker.class);
    bind(SimulatedKernelMemory.class).in(Singleton.class);
    bind(KernelMemory.class).to(SimulatedKernelMemory.class);
    bind(CheckedCpu.class).in(Singleton.class);
    bind(CpuAccess.class).to(CheckedCpu.class);
    bind(LinuxDmaApi.class).in(Singleton.class);
    bind(DmaApi.class).to(LinuxDmaApi.class);
    bind(SimulatedDevice.class).in(Singleton.class);
    bind(Device.class).to(SimulatedDevice.class);
    bind(MachinePlatform.class).in(Singleton.class);
    bind(Platform.class).to(MachinePlatform.class);
    Restorable.bind(binder(), MappingTable.class);
    Restorable.bind(binder(), DebugChecker.class);
    Restorable.bind(binder(), SimulatedKernelMemory.class);
  }

  @Provides
  @Singleton
  Target target(ArchitectureProfile profile, Cache cache) {
    return new Target(profile.architecture(), profile.name(), profile.abi().pointerSize(), profile.abi().longSize(),
        profile.abi().eightByteAlignment(), profile.l1CacheBytes(), cache.geometry().lineSize(),
        profile.dmaAlignment(), profile.dmaCoherent());
  }
}
