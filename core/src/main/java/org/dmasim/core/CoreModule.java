package org.dmasim.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import java.util.List;

/** Binds the architecture-independent parts of one machine. Only binds. */
final class CoreModule extends AbstractModule {
  private final MachineSettings settings;
  private final ChoiceSource choices;

  CoreModule(MachineSettings settings, ChoiceSource choices) {
    this.settings = settings;
    this.choices = choices;
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(MachineSettings.class).toInstance(settings);
    bind(CacheGeometry.class).toInstance(settings.cache());
    bind(CostModel.class).toInstance(settings.costs());
    bind(ChoiceSource.class).toInstance(choices);
    bind(Integer.class).annotatedWith(Names.named("dma.burst-bytes")).toInstance(settings.dmaBurstBytes());
    bind(PhysicalMemory.class).in(Singleton.class);
    bind(CostCounters.class).in(Singleton.class);
    bind(EventQueueTime.class).in(Singleton.class);
    bind(SimulatedTime.class).to(EventQueueTime.class);
    bind(PageTable.class).in(Singleton.class);
    bind(SetAssociativeCache.class).in(Singleton.class);
    bind(Cache.class).to(SetAssociativeCache.class);
    bind(Tlb.class).in(Singleton.class);
    bind(HardwareActivity.class).in(Singleton.class);
    bind(SimulatedCpu.class).in(Singleton.class);
    bind(Cpu.class).to(SimulatedCpu.class);
    bind(BurstDmaEngine.class).in(Singleton.class);
    bind(DmaEngine.class).to(BurstDmaEngine.class);
    bind(SimulatedMachine.class).in(Singleton.class);
    bind(Machine.class).to(SimulatedMachine.class);
    bind(EventTrace.class).to(RecordingTrace.class);
    for (Class<? extends Restorable> part : List.of(PhysicalMemory.class, CostCounters.class, EventQueueTime.class,
        PageTable.class, SetAssociativeCache.class, Tlb.class, HardwareActivity.class, SimulatedCpu.class,
        BurstDmaEngine.class, RecordingTrace.class)) {
      Restorable.bind(binder(), part);
    }
  }

  @Provides
  @Singleton
  RecordingTrace trace(SimulatedTime time) {
    return new RecordingTrace(settings.trace(), time);
  }
}
