package org.dmasim.core.spi;

import org.dmasim.core.AddressSpace;
import org.dmasim.core.Hex;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.Restorable;
import org.dmasim.core.Translation;

/**
 * A kernel address space with a cacheable linear map of all memory at one base address and
 * a window where uncached aliases are mapped page by page, each aligned to its size rounded
 * up to a power of two (as dma_alloc_coherent's remap is), as x86 and ARM kernels have.
 */
public final class LinearAddressSpace implements AddressSpace, Restorable {
  private final PageTable pageTable;
  private final long linearBase;
  private final long memoryBytes;
  private final PageAttribute aliasAttribute;
  private long nextAlias;

  /**
   * Maps {@code memoryBytes} of memory write-back at {@code linearBase}; aliases are mapped
   * with {@code aliasAttribute} from {@code aliasBase} upwards.
   */
  public LinearAddressSpace(PageTable pageTable, long linearBase, long memoryBytes, long aliasBase,
      PageAttribute aliasAttribute) {
    if (pageTable == null || aliasAttribute == null) {
      throw new IllegalArgumentException("pageTable and aliasAttribute must not be null");
    }
    if (aliasAttribute.cacheable()) {
      throw new IllegalArgumentException("aliasAttribute must be uncached, was " + aliasAttribute);
    }
    this.pageTable = pageTable;
    this.linearBase = linearBase;
    this.memoryBytes = memoryBytes;
    this.aliasAttribute = aliasAttribute;
    this.nextAlias = aliasBase;
    pageTable.mapRegion(linearBase, 0, memoryBytes, PageAttribute.WRITE_BACK);
  }

  /** Saves where the next alias goes (the aliases' mappings are the page table's). */
  @Override
  public Runnable checkpoint() {
    long saved = nextAlias;
    return () -> nextAlias = saved;
  }

  @Override
  public Translation translate(long virtualAddress) {
    return pageTable.translate(virtualAddress);
  }

  @Override
  public Translation lookup(long virtualAddress) {
    return pageTable.lookup(virtualAddress);
  }

  @Override
  public long kernelAddress(long physicalAddress) {
    checkPhysical(physicalAddress);
    return linearBase + physicalAddress;
  }

  @Override
  public long uncachedAlias(long physicalAddress, long length) {
    checkPhysical(physicalAddress);
    if (length <= 0 || physicalAddress + length > memoryBytes) {
      throw new IllegalArgumentException("Invalid alias length " + length + " at " + Hex.address(physicalAddress));
    }
    long firstPage = physicalAddress & -(long) PageTable.PAGE_SIZE;
    long end = (physicalAddress + length + PageTable.PAGE_SIZE - 1) & -(long) PageTable.PAGE_SIZE;
    long span = end - firstPage;
    long order = Long.highestOneBit(span) == span ? span : Long.highestOneBit(span) << 1;
    long alias = (nextAlias + order - 1) & -order;
    pageTable.map(alias, firstPage, span, aliasAttribute);
    nextAlias = alias + span + PageTable.PAGE_SIZE;
    return alias + (physicalAddress - firstPage);
  }

  private void checkPhysical(long physicalAddress) {
    if (physicalAddress < 0 || physicalAddress >= memoryBytes) {
      throw new IllegalArgumentException("Physical address " + Hex.address(physicalAddress)
          + " is outside memory [0x0, " + Hex.address(memoryBytes) + ")");
    }
  }
}
