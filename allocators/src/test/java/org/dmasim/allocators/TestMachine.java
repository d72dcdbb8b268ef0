package org.dmasim.allocators;

import com.google.inject.Injector;
import java.util.List;
import java.util.Map;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.FixedChoiceSource;
import org.dmasim.core.Machine;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.Machines;
import org.dmasim.core.SeededChoiceSource;

/** A real machine of one profile with the allocators bound, as the tests build it. */
final class TestMachine {
  static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();

  final Injector injector;
  final Machine machine;

  private TestMachine(Injector injector) {
    this.injector = injector;
    this.machine = injector.getInstance(Machine.class);
  }

  /** A machine whose hardware never evicts or speculates on its own (deterministic cache contents). */
  static TestMachine quiet(String architecture, String profile) {
    return build(architecture, profile, 1, false, true);
  }

  /** A machine whose hardware acts as the seed decides. */
  static TestMachine seeded(String architecture, String profile, long seed) {
    return build(architecture, profile, seed, false, false);
  }

  /** A quiet machine that records its trace. */
  static TestMachine traced(String architecture, String profile) {
    return build(architecture, profile, 1, true, true);
  }

  private static TestMachine build(String architecture, String profile, long seed, boolean trace, boolean quiet) {
    MachineSettings settings = MachineSettings.of(REGISTRY.profile(architecture, profile), seed).withTrace(trace);
    ChoiceSource seeded = new SeededChoiceSource(seed, ChoiceRates.DEFAULT);
    ChoiceSource choices = quiet
        ? new FixedChoiceSource(Map.of(ChoicePoint.SPONTANEOUS_EVICTION, 0, ChoicePoint.SPECULATIVE_FILL, 0), seeded)
        : seeded;
    return new TestMachine(Machines.injector(REGISTRY, settings, choices, List.of(new AllocatorsModule())));
  }

  <T> T get(Class<T> type) {
    return injector.getInstance(type);
  }

  Kmalloc kmalloc() {
    return get(Kmalloc.class);
  }

  CoherentMemory coherent() {
    return get(CoherentMemory.class);
  }

  DmaPools pools() {
    return get(DmaPools.class);
  }

  BounceBuffers bounce() {
    return get(BounceBuffers.class);
  }

  UncachedPages uncached() {
    return get(UncachedPages.class);
  }

  PageAllocator pages() {
    return get(PageAllocator.class);
  }

  int lineSize() {
    return machine.cache().geometry().lineSize();
  }

  long kernel(long physical) {
    return machine.addressSpace().kernelAddress(physical);
  }

  boolean cacheable(long virtualAddress) {
    return machine.addressSpace().translate(virtualAddress).attribute().cacheable();
  }
}
