package org.dmasim.core.spi;

import org.dmasim.core.Cache;

/** Range maintenance sequences that several architectures share. */
public final class CacheRanges {
  private CacheRanges() {}

  /**
   * Invalidates every line of the range, but cleans and invalidates a first or last line the
   * range covers only in part, so CPU data sharing those lines survives (ARM's
   * v7_dma_inv_range and arm64's dcache_inval_poc).
   */
  public static void invalidateCleaningPartialEdges(Cache cache, long physicalAddress, long size) {
    if (size <= 0) {
      return;
    }
    int lineSize = cache.geometry().lineSize();
    long mask = lineSize - 1;
    long start = physicalAddress;
    long end = physicalAddress + size;
    long firstLine = start & ~mask;
    if ((start & mask) != 0) {
      cache.cleanInvalidate(start);
      start = firstLine + lineSize;
    }
    if ((end & mask) != 0 && (end & ~mask) >= start) {
      cache.cleanInvalidate(end);
      end &= ~mask;
    }
    if (end > start) {
      cache.invalidateRange(start, end - start);
    }
  }
}
