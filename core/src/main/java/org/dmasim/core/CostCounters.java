package org.dmasim.core;

/** Running counts of the work a machine did; {@link #snapshot(long)} freezes them. */
public final class CostCounters implements Restorable {
  private long hits;
  private long misses;
  private long uncachedAccesses;
  private long maintenanceOperations;
  private long writeBacks;
  private long speculativeFills;
  private long evictions;
  private long dmaBytes;

  void hit() {
    hits++;
  }

  void miss() {
    misses++;
  }

  void uncachedAccesses(long count) {
    uncachedAccesses += count;
  }

  void maintenanceOperation() {
    maintenanceOperations++;
  }

  void writeBack() {
    writeBacks++;
  }

  void speculativeFill() {
    speculativeFills++;
  }

  void eviction() {
    evictions++;
  }

  void dmaBytes(long bytes) {
    dmaBytes += bytes;
  }

  @Override
  public Runnable checkpoint() {
    long[] saved = {hits, misses, uncachedAccesses, maintenanceOperations, writeBacks, speculativeFills, evictions,
        dmaBytes};
    return () -> {
      hits = saved[0];
      misses = saved[1];
      uncachedAccesses = saved[2];
      maintenanceOperations = saved[3];
      writeBacks = saved[4];
      speculativeFills = saved[5];
      evictions = saved[6];
      dmaBytes = saved[7];
    };
  }

  /** CPU accesses that found their line so far. */
  public long hits() {
    return hits;
  }

  /** CPU accesses that did not find their line so far (filled or, without write-allocate, not). */
  public long misses() {
    return misses;
  }

  /** Dirty lines written back to memory so far (evictions, cleans, snoops). */
  public long writeBacks() {
    return writeBacks;
  }

  /** Lines that left the cache to make room or spontaneously so far. */
  public long evictions() {
    return evictions;
  }

  /** The counts now, with the clock's {@code cycles}. */
  public CostReport snapshot(long cycles) {
    return new CostReport(cycles, hits, misses, uncachedAccesses, maintenanceOperations,
        writeBacks, speculativeFills, evictions, dmaBytes);
  }
}
