package org.dmasim.core;

/** Caches built alone, outside a machine: to replay an address trace, or to study one cache. */
public final class Caches {
  /** Costs of a cache alone: nothing is charged, the clock stands still. */
  private static final CostModel FREE = new CostModel(0, 0, 0, 0, 0, 0);

  private Caches() {}

  /**
   * The one cache implementation with nothing around it but {@code memory}: no CPU, page
   * table, device or hardware activity; no trace; a clock of its own that never moves. CPU
   * accesses ({@link Cache#load}, {@link Cache#read}, ...) count hits, misses and write-backs
   * in {@code counters}, so a caller learns whether an access hit from the change in
   * {@link CostCounters#misses()}. Random replacement draws its victims from {@code choices}.
   */
  public static Cache standalone(CacheGeometry geometry, PhysicalMemory memory, CostCounters counters,
      ChoiceSource choices) {
    if (geometry == null || memory == null || counters == null || choices == null) {
      throw new IllegalArgumentException("geometry, memory, counters and choices must not be null");
    }
    EventQueueTime time = new EventQueueTime();
    return new SetAssociativeCache(geometry, memory, time, FREE, counters, new RecordingTrace(false, time), choices);
  }
}
