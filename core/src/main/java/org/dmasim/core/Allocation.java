package org.dmasim.core;

/**
 * A block an allocator handed out: the kernel virtual address a driver uses, the physical
 * address behind it, what was asked for and what may be used.
 */
public record Allocation(long address, long physicalAddress, long requestedSize, long usableSize) {
  /** Checks the usable size covers the request. */
  public Allocation {
    if (requestedSize <= 0 || usableSize < requestedSize) {
      throw new IllegalArgumentException("Invalid allocation: requested " + requestedSize + ", usable " + usableSize);
    }
  }

  /** Whether {@code [address, address + length)} lies inside the usable bytes. */
  public boolean contains(long virtualAddress, long length) {
    return virtualAddress >= address && length >= 0 && virtualAddress - address + length <= usableSize;
  }
}
