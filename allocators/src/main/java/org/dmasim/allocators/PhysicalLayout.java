package org.dmasim.allocators;

/**
 * Where the allocators' memory lies in the 512 MiB of physical memory that the x86 and ARM
 * linear maps and MIPS KSEG0/KSEG1 cover. Addresses below {@link #RESERVED_END} belong to
 * tests and the core's seed scenario; nothing here hands them out.
 */
final class PhysicalLayout {
  /** Bytes of physical memory every architecture's kernel map covers. */
  static final long MEMORY_BYTES = 512L << 20;

  /** End of the low memory left to tests and hand-built scenarios. */
  static final long RESERVED_END = 4L << 20;

  /** Start of the swiotlb bounce area. */
  static final long SWIOTLB_BASE = 8L << 20;
  /** Number of bounce slots. */
  static final int SWIOTLB_SLOTS = 2048;
  /** End of the swiotlb bounce area (exclusive). */
  static final long SWIOTLB_END = SWIOTLB_BASE + (long) SWIOTLB_SLOTS * BounceBuffers.SLOT_BYTES;

  /** Start of the memory the page allocator manages. */
  static final long PAGES_BASE = 16L << 20;
  /** End of the memory the page allocator manages (exclusive). */
  static final long PAGES_END = MEMORY_BYTES;

  /** The largest order the page allocator hands out (2^10 pages, 4 MiB), as Linux's MAX_ORDER - 1. */
  static final int MAX_ORDER = 10;

  private PhysicalLayout() {}

  /** Throws an {@link IllegalArgumentException} naming {@code name} when {@code value} is null. */
  static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Whether {@code value} is a positive power of two. */
  static boolean isPowerOfTwo(long value) {
    return value > 0 && (value & (value - 1)) == 0;
  }
}
