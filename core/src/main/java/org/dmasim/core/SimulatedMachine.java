package org.dmasim.core;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The parts of a machine, as one injector built them. */
final class SimulatedMachine implements Machine {
  private final MachineSettings settings;
  private final Cpu cpu;
  private final Cache cache;
  private final PhysicalMemory memory;
  private final PageTable pageTable;
  private final AddressSpace addressSpace;
  private final DmaEngine dmaEngine;
  private final DmaMaintenance dmaMaintenance;
  private final SimulatedTime time;
  private final EventTrace trace;
  private final CostCounters counters;
  private final HardwareActivity hardware;
  private final BurstDmaEngine engine;
  private final SimulatedCpu cpuState;
  private final List<Restorable> parts;

  @Inject
  SimulatedMachine(MachineSettings settings, SimulatedCpu cpu, Cache cache, PhysicalMemory memory,
      PageTable pageTable, AddressSpace addressSpace, BurstDmaEngine dmaEngine, DmaMaintenance dmaMaintenance,
      SimulatedTime time, EventTrace trace, CostCounters counters, HardwareActivity hardware, Set<Restorable> parts) {
    this.parts = restorableParts(parts, addressSpace, dmaMaintenance);
    this.engine = dmaEngine;
    this.cpuState = cpu;
    this.settings = settings;
    this.cpu = cpu;
    this.cache = cache;
    this.memory = memory;
    this.pageTable = pageTable;
    this.addressSpace = addressSpace;
    this.dmaEngine = dmaEngine;
    this.dmaMaintenance = dmaMaintenance;
    this.time = time;
    this.trace = trace;
    this.counters = counters;
    this.hardware = hardware;
  }

  /** The bound parts, and the architecture's address space and maintenance when they keep state, each once. */
  private static List<Restorable> restorableParts(Set<Restorable> bound, Object... architectureParts) {
    List<Restorable> all = new ArrayList<>(bound);
    for (Object part : architectureParts) {
      if (part instanceof Restorable restorable && all.stream().noneMatch(known -> known == restorable)) {
        all.add(restorable);
      }
    }
    return List.copyOf(all);
  }

  @Override
  public ArchitectureProfile profile() {
    return settings.profile();
  }

  @Override
  public MachineSettings settings() {
    return settings;
  }

  @Override
  public Cpu cpu() {
    return cpu;
  }

  @Override
  public Cache cache() {
    return cache;
  }

  @Override
  public PhysicalMemory memory() {
    return memory;
  }

  @Override
  public PageTable pageTable() {
    return pageTable;
  }

  @Override
  public AddressSpace addressSpace() {
    return addressSpace;
  }

  @Override
  public DmaEngine dmaEngine() {
    return dmaEngine;
  }

  @Override
  public DmaMaintenance dmaMaintenance() {
    return dmaMaintenance;
  }

  @Override
  public SimulatedTime time() {
    return time;
  }

  @Override
  public EventTrace trace() {
    return trace;
  }

  @Override
  public CostReport costs() {
    return counters.snapshot(time.now());
  }

  @Override
  public void runUntil(BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      if (!hardware.idleStep()) {
        throw new IllegalStateException("Waiting for a condition that no pending device event can bring about"
            + " (time " + time.now() + ")");
      }
    }
  }

  @Override
  public void runUntilIdle() {
    while (hardware.idleStep()) {
      // every pending device event runs
    }
  }

  @Override
  public long stateHash() {
    long hash = StateHash.mix(StateHash.SEED, cache.stateHash());
    hash = StateHash.mix(hash, memory.stateHash());
    hash = StateHash.mix(hash, pageTable.stateHash());
    hash = StateHash.mix(hash, engine.stateHash());
    hash = StateHash.mix(hash, hardware.stateHash());
    return StateHash.mix(hash, cpuState.stateHash());
  }

  @Override
  public Runnable checkpoint() {
    if (time.hasPendingEvents() || engine.busy()) {
      throw new IllegalStateException("A machine can only be saved between transfers: "
          + (engine.busy() ? "a transfer is in flight" : "a device event is pending") + " (time " + time.now() + ")");
    }
    List<Runnable> restores = new ArrayList<>(parts.size());
    for (Restorable part : parts) {
      restores.add(part.checkpoint());
    }
    return () -> {
      for (Runnable restore : restores) {
        restore.run();
      }
    };
  }

  @Override
  public void note(String text) {
    trace.record(TraceEvent.Kind.NOTE, -1, -1, null, text);
  }
}
