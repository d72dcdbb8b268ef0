package org.dmasim.arch.mips;

import org.dmasim.core.AddressFault;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Hex;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.Translation;

/**
 * The 32-bit MIPS address map: KSEG0 and KSEG1 are unmapped windows onto the first 512 MiB
 * of physical memory, cached and uncached; every other address goes through the page table.
 */
final class MipsAddressSpace implements AddressSpace {
  static final long KSEG0 = 0x8000_0000L;
  static final long KSEG1 = 0xa000_0000L;
  static final long SEGMENT_BYTES = 0x2000_0000L;

  private final PageTable pageTable;

  MipsAddressSpace(PageTable pageTable) {
    this.pageTable = pageTable;
  }

  @Override
  public Translation translate(long virtualAddress) {
    if (virtualAddress >= KSEG0 && virtualAddress < KSEG0 + SEGMENT_BYTES) {
      return new Translation(virtualAddress, virtualAddress - KSEG0, PageAttribute.WRITE_BACK);
    }
    if (virtualAddress >= KSEG1 && virtualAddress < KSEG1 + SEGMENT_BYTES) {
      return new Translation(virtualAddress, virtualAddress - KSEG1, PageAttribute.UNCACHED);
    }
    Translation mapped = pageTable.lookup(virtualAddress);
    if (mapped == null) {
      throw new AddressFault(virtualAddress, "Address " + Hex.address(virtualAddress)
          + " is not mapped: KSEG0 is [0x80000000, 0xa0000000), KSEG1 is [0xa0000000, 0xc0000000),"
          + " other addresses need a page table entry");
    }
    return mapped;
  }

  @Override
  public long kernelAddress(long physicalAddress) {
    return KSEG0 + checkLowMemory(physicalAddress, 1);
  }

  @Override
  public long uncachedAlias(long physicalAddress, long length) {
    return KSEG1 + checkLowMemory(physicalAddress, length);
  }

  private static long checkLowMemory(long physicalAddress, long length) {
    if (physicalAddress < 0 || length <= 0 || physicalAddress + length > SEGMENT_BYTES) {
      throw new IllegalArgumentException("Physical range " + Hex.address(physicalAddress) + " + " + length
          + " is outside the 512 MiB that KSEG0 and KSEG1 reach");
    }
    return physicalAddress;
  }
}
