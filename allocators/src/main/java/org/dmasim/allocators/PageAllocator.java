package org.dmasim.allocators;

/**
 * The buddy-style page allocator: blocks of 2^order pages, naturally aligned to their size,
 * from the physical range the kernel manages. Addresses are physical.
 */
public interface PageAllocator {
  /** Bytes per page. */
  int PAGE_SIZE = 4096;

  /** Allocates 2^{@code order} contiguous pages aligned to their size; returns the physical address. */
  long allocatePages(int order);

  /** Frees a block allocated with the same order. */
  void freePages(long physicalAddress, int order);

  /** The smallest order whose block holds {@code bytes}. */
  static int orderFor(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("Invalid size " + bytes + ": must be > 0");
    }
    long pages = (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
    return 64 - Long.numberOfLeadingZeros(pages - 1);
  }
}
