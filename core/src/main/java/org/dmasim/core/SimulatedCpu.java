package org.dmasim.core;

import jakarta.inject.Inject;

/** The CPU: translation, then the cache or uncached memory, with hardware activity before each access. */
final class SimulatedCpu implements Cpu, Restorable {
  private final AddressSpace addressSpace;
  private final Cache cache;
  private final PhysicalMemory memory;
  private final SimulatedTime time;
  private final CostModel costs;
  private final CostCounters counters;
  private final EventTrace trace;
  private final HardwareActivity hardware;
  private final Tlb tlb;
  private long accesses;
  private long observed = StateHash.SEED;

  @Inject
  SimulatedCpu(AddressSpace addressSpace, Cache cache, PhysicalMemory memory, SimulatedTime time, CostModel costs,
      CostCounters counters, EventTrace trace, HardwareActivity hardware, Tlb tlb) {
    this.addressSpace = addressSpace;
    this.cache = cache;
    this.memory = memory;
    this.time = time;
    this.costs = costs;
    this.counters = counters;
    this.trace = trace;
    this.hardware = hardware;
    this.tlb = tlb;
  }

  @Override
  public long load(long virtualAddress, int size) {
    checkSize(size);
    int entry = tlb.entry(virtualAddress);
    if (crossesPage(virtualAddress, size)) {
      byte[] bytes = read(virtualAddress, size);
      return LittleEndian.get(bytes, 0, size);
    }
    long physicalAddress = tlb.physicalAddress(entry, virtualAddress);
    boolean cacheable = tlb.cacheable(entry);
    hardware.beforeCpuAccess(virtualAddress);
    long value;
    if (cacheable) {
      value = cache.load(physicalAddress, size);
    } else {
      chargeUncached(size);
      value = memory.readValue(physicalAddress, size);
      if (trace.enabled()) {
        trace.record(TraceEvent.Kind.CPU_LOAD, physicalAddress, -1, memory.read(physicalAddress, size),
            "uncached: straight from memory");
      }
    }
    return observe(virtualAddress, value);
  }

  @Override
  public long physicalAddress(long virtualAddress) {
    return tlb.physicalAddress(tlb.entry(virtualAddress), virtualAddress);
  }

  /**
   * A hash of the program's progress: how many accesses it made and every value it loaded.
   * A deterministic program that has seen the same values is in the same state.
   */
  long stateHash() {
    return StateHash.mix(observed, accesses);
  }

  @Override
  public Runnable checkpoint() {
    long savedAccesses = accesses;
    long savedObserved = observed;
    return () -> {
      accesses = savedAccesses;
      observed = savedObserved;
    };
  }

  private long observe(long virtualAddress, long value) {
    accesses++;
    observed = StateHash.mix(StateHash.mix(observed, virtualAddress), value);
    return value;
  }

  @Override
  public void store(long virtualAddress, int size, long value) {
    checkSize(size);
    int entry = tlb.entry(virtualAddress);
    if (crossesPage(virtualAddress, size)) {
      byte[] bytes = new byte[size];
      LittleEndian.put(bytes, 0, size, value);
      write(virtualAddress, bytes);
      return;
    }
    long physicalAddress = tlb.physicalAddress(entry, virtualAddress);
    boolean cacheable = tlb.cacheable(entry);
    accesses++;
    hardware.beforeCpuAccess(virtualAddress);
    if (cacheable) {
      cache.store(physicalAddress, size, value);
    } else {
      chargeUncached(size);
      memory.writeValue(physicalAddress, size, value);
      if (trace.enabled()) {
        byte[] bytes = new byte[size];
        LittleEndian.put(bytes, 0, size, value);
        trace.record(TraceEvent.Kind.CPU_STORE, physicalAddress, -1, bytes, "uncached: straight to memory");
      }
    }
  }

  @Override
  public byte[] read(long virtualAddress, int length) {
    Translation[] pages = translateAll(virtualAddress, length);
    byte[] bytes = new byte[length];
    int done = 0;
    for (Translation page : pages) {
      int chunk = chunk(page.virtualAddress(), length - done);
      hardware.beforeCpuAccess(page.virtualAddress());
      if (page.attribute().cacheable()) {
        cache.read(page.physicalAddress(), bytes, done, chunk);
      } else {
        System.arraycopy(uncachedRead(page.physicalAddress(), chunk), 0, bytes, done, chunk);
      }
      done += chunk;
    }
    observed = StateHash.mix(StateHash.mix(observed, virtualAddress), bytes, 0, length);
    accesses++;
    return bytes;
  }

  @Override
  public void write(long virtualAddress, byte[] bytes) {
    Translation[] pages = translateAll(virtualAddress, bytes.length);
    accesses++;
    int done = 0;
    for (Translation page : pages) {
      int chunk = chunk(page.virtualAddress(), bytes.length - done);
      hardware.beforeCpuAccess(page.virtualAddress());
      if (page.attribute().cacheable()) {
        cache.write(page.physicalAddress(), bytes, done, chunk);
      } else {
        chargeUncached(chunk);
        memory.write(page.physicalAddress(), bytes, done, chunk);
        if (trace.enabled()) {
          trace.record(TraceEvent.Kind.CPU_STORE, page.physicalAddress(), -1,
              java.util.Arrays.copyOfRange(bytes, done, done + chunk), "uncached: straight to memory");
        }
      }
      done += chunk;
    }
  }

  /** One uncached access per 8-byte word or part of one: the bus transactions of the copy. */
  private void chargeUncached(int length) {
    int words = (length + Long.BYTES - 1) / Long.BYTES;
    counters.uncachedAccesses(words);
    time.advance((long) words * costs.uncachedCycles());
  }

  private byte[] uncachedRead(long physicalAddress, int length) {
    chargeUncached(length);
    byte[] bytes = memory.read(physicalAddress, length);
    if (trace.enabled()) {
      trace.record(TraceEvent.Kind.CPU_LOAD, physicalAddress, -1, bytes, "uncached: straight from memory");
    }
    return bytes;
  }

  /** Translates every page of the range before anything is accessed, so a fault changes nothing. */
  private Translation[] translateAll(long virtualAddress, int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("Invalid access length " + length + ": must be > 0");
    }
    long end = virtualAddress + length;
    int count = (int) ((pageOf(end - 1) - pageOf(virtualAddress)) / PageTable.PAGE_SIZE) + 1;
    Translation[] pages = new Translation[count];
    long at = virtualAddress;
    for (int i = 0; i < count; i++) {
      pages[i] = addressSpace.translate(at);
      at = pageOf(at) + PageTable.PAGE_SIZE;
    }
    return pages;
  }

  private static int chunk(long virtualAddress, int remaining) {
    return (int) Math.min(remaining, pageOf(virtualAddress) + PageTable.PAGE_SIZE - virtualAddress);
  }

  private static boolean crossesPage(long virtualAddress, int size) {
    return pageOf(virtualAddress) != pageOf(virtualAddress + size - 1);
  }

  private static long pageOf(long virtualAddress) {
    return virtualAddress & -(long) PageTable.PAGE_SIZE;
  }

  private static void checkSize(int size) {
    if (size != 1 && size != 2 && size != 4 && size != 8) {
      throw new IllegalArgumentException("Invalid access size " + size + ": must be 1, 2, 4 or 8");
    }
  }
}
