package org.dmasim.core;

/**
 * Cycles charged for each kind of work: a cache hit, a miss (the line fill), an uncached
 * access, one line of cache maintenance, and device traffic per byte. DMA setup is the
 * device's latency before its first burst.
 */
public record CostModel(int hitCycles, int missCycles, int uncachedCycles,
    int maintenancePerLineCycles, double dmaCyclesPerByte, int dmaSetupCycles) {

  /** Checks every figure is non-negative and a hit is not dearer than a miss. */
  public CostModel {
    requireNonNegative("hitCycles", hitCycles);
    requireNonNegative("missCycles", missCycles);
    requireNonNegative("uncachedCycles", uncachedCycles);
    requireNonNegative("maintenancePerLineCycles", maintenancePerLineCycles);
    requireNonNegative("dmaSetupCycles", dmaSetupCycles);
    if (hitCycles > missCycles) {
      throw new IllegalArgumentException("hitCycles (" + hitCycles + ") must not exceed missCycles (" + missCycles + ")");
    }
    if (!(dmaCyclesPerByte >= 0) || Double.isInfinite(dmaCyclesPerByte)) {
      throw new IllegalArgumentException("dmaCyclesPerByte must be a finite number >= 0, was " + dmaCyclesPerByte);
    }
  }

  /** The cycles a device burst of {@code bytes} bytes occupies the bus, at least one. */
  public long burstCycles(int bytes) {
    return Math.max(1, (long) Math.ceil(bytes * dmaCyclesPerByte));
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
  }
}
