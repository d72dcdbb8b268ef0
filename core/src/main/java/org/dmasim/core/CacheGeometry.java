package org.dmasim.core;

/**
 * The shape and policies of a set-associative data cache.
 *
 * @param sizeBytes total data capacity
 * @param lineSize bytes per line: a power of two from 16 to 256
 * @param ways lines per set
 * @param replacement which way a full set evicts
 * @param writePolicy write-back or write-through
 * @param writeAllocate whether a store miss fills the line first
 */
public record CacheGeometry(int sizeBytes, int lineSize, int ways, ReplacementPolicy replacement,
    WritePolicy writePolicy, boolean writeAllocate) {

  /** Smallest allowed line size. */
  public static final int MIN_LINE_SIZE = 16;
  /** Largest allowed line size. */
  public static final int MAX_LINE_SIZE = 256;

  /** Checks the geometry describes a buildable cache, naming the bad value if not. */
  public CacheGeometry {
    if (!isPowerOfTwo(lineSize) || lineSize < MIN_LINE_SIZE || lineSize > MAX_LINE_SIZE) {
      throw new IllegalArgumentException("Invalid cache line size " + lineSize
          + ": must be a power of two between " + MIN_LINE_SIZE + " and " + MAX_LINE_SIZE);
    }
    if (ways < 1) {
      throw new IllegalArgumentException("Invalid number of ways " + ways + ": must be at least 1");
    }
    if (sizeBytes <= 0 || sizeBytes % ((long) lineSize * ways) != 0
        || !isPowerOfTwo(sizeBytes / (lineSize * ways))) {
      throw new IllegalArgumentException("Invalid cache size " + sizeBytes + " for " + ways
          + " ways of " + lineSize + "-byte lines: must be line size x ways x a power of two number of sets");
    }
    if (replacement == null || writePolicy == null) {
      throw new IllegalArgumentException("replacement and writePolicy must not be null");
    }
  }

  /** A write-back, write-allocate, LRU cache. */
  public static CacheGeometry writeBack(int sizeBytes, int lineSize, int ways) {
    return new CacheGeometry(sizeBytes, lineSize, ways, ReplacementPolicy.LRU, WritePolicy.WRITE_BACK, true);
  }

  /** Number of sets. */
  public int sets() {
    return sizeBytes / (lineSize * ways);
  }

  /** The same cache with another line size, keeping size and ways. */
  public CacheGeometry withLineSize(int newLineSize) {
    return new CacheGeometry(sizeBytes, newLineSize, ways, replacement, writePolicy, writeAllocate);
  }

  static boolean isPowerOfTwo(long value) {
    return value > 0 && (value & (value - 1)) == 0;
  }
}
