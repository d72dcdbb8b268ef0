package org.dmasim.core;

/**
 * The CPU's view of memory on one architecture: how a virtual address translates, where the
 * kernel's cached alias of a physical address lies, and how to reach memory uncached.
 * Translation is per page of {@link PageTable#PAGE_SIZE} bytes (every address of a page maps
 * to the same physical page with the same attribute) and changes only when the machine's
 * {@link PageTable} does: the CPU keeps recent translations, as a TLB does, until then.
 */
public interface AddressSpace {
  /** Translates {@code virtualAddress} or throws an {@link AddressFault} naming it. */
  Translation translate(long virtualAddress);

  /** Translates {@code virtualAddress}, or returns null where {@link #translate} would fault. */
  default Translation lookup(long virtualAddress) {
    try {
      return translate(virtualAddress);
    } catch (AddressFault notMapped) {
      return null;
    }
  }

  /** The kernel's cached (linear map, KSEG0) virtual address of {@code physicalAddress}. */
  long kernelAddress(long physicalAddress);

  /**
   * A virtual address through which {@code [physicalAddress, physicalAddress + length)} is
   * reached uncached (a non-cacheable remap, KSEG1), creating the mapping where one is needed.
   */
  long uncachedAlias(long physicalAddress, long length);
}
