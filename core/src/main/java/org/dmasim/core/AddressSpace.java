package org.dmasim.core;

/**
 * The CPU's view of memory on one architecture: how a virtual address translates, where the
 * kernel's cached alias of a physical address lies, and how to reach memory uncached.
 */
public interface AddressSpace {
  /** Translates {@code virtualAddress} or throws an {@link AddressFault} naming it. */
  Translation translate(long virtualAddress);

  /** The kernel's cached (linear map, KSEG0) virtual address of {@code physicalAddress}. */
  long kernelAddress(long physicalAddress);

  /**
   * A virtual address through which {@code [physicalAddress, physicalAddress + length)} is
   * reached uncached (a non-cacheable remap, KSEG1), creating the mapping where one is needed.
   */
  long uncachedAlias(long physicalAddress, long length);
}
