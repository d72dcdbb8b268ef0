package org.dmasim.core;

/**
 * A physically-addressed, set-associative data cache that holds real bytes. CPU accesses
 * charge hit or miss costs; maintenance charges per line; device traffic reaches it only
 * where the architecture's bus snoops.
 */
public interface Cache {
  /** The cache's shape and policies. */
  CacheGeometry geometry();

  /** The address of the line holding {@code physicalAddress}. */
  default long lineAddress(long physicalAddress) {
    return physicalAddress & -(long) geometry().lineSize();
  }

  /** Loads {@code size} (1, 2, 4 or 8) bytes, little-endian, zero-extended. */
  long load(long physicalAddress, int size);

  /** Stores the low {@code size} (1, 2, 4 or 8) bytes of {@code value}, little-endian. */
  void store(long physicalAddress, int size, long value);

  /** Reads a byte range, which may cross lines. */
  void read(long physicalAddress, byte[] destination, int offset, int length);

  /** Writes a byte range, which may cross lines. */
  void write(long physicalAddress, byte[] source, int offset, int length);

  /** Writes the line back if dirty and keeps it valid. */
  void clean(long physicalAddress);

  /** Discards the line, dirty or not. */
  void invalidate(long physicalAddress);

  /** Writes the line back if dirty, then discards it. */
  void cleanInvalidate(long physicalAddress);

  /** {@link #clean(long)} on every line that {@code [address, address + length)} touches. */
  void cleanRange(long physicalAddress, long length);

  /** {@link #invalidate(long)} on every line that the range touches. */
  void invalidateRange(long physicalAddress, long length);

  /** {@link #cleanInvalidate(long)} on every line that the range touches. */
  void cleanInvalidateRange(long physicalAddress, long length);

  /** Fills the line from memory if it is absent, as a prefetcher or speculation would; true if filled. */
  boolean speculativeFill(long physicalAddress);

  /** Evicts the line (writing it back if dirty) as cache pressure would; no-op if absent. */
  void evict(long lineAddress);

  /** Whether the line holding {@code physicalAddress} is valid. */
  boolean contains(long physicalAddress);

  /** The addresses of the valid lines, in set and way order. */
  long[] validLines();

  /** How many lines are valid: {@code validLines().length}, without building the array. */
  default int validLineCount() {
    return validLines().length;
  }

  /**
   * The address of the valid line at {@code index} in set and way order: {@code validLines()[index]},
   * without building the array.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < validLineCount()}
   */
  default long validLine(int index) {
    long[] lines = validLines();
    if (index < 0 || index >= lines.length) {
      throw new IndexOutOfBoundsException("Valid line " + index + " of " + lines.length);
    }
    return lines[index];
  }

  /** Device traffic is about to read the range: dirty lines are written back (snooping bus). */
  void snoopDeviceRead(long physicalAddress, int length);

  /** Device traffic is about to write the range: cached copies are written back if dirty and dropped. */
  void snoopDeviceWrite(long physicalAddress, int length);

  /** The state of the line holding {@code physicalAddress}. */
  LineState lineState(long physicalAddress);

  /**
   * A hash of everything that decides the cache's future behaviour: which lines are where,
   * dirty or clean, their bytes and their replacement order. Equal caches hash equal.
   */
  long stateHash();
}
