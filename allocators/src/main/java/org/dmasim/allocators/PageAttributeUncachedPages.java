package org.dmasim.allocators;

import jakarta.inject.Inject;
import org.dmasim.core.AddressSpace;
import org.dmasim.core.Cache;
import org.dmasim.core.Hex;
import org.dmasim.core.PageAttribute;
import org.dmasim.core.PageTable;
import org.dmasim.core.Translation;

/**
 * Makes pages uncached through the page table (set_memory_uc): every page is checked first,
 * then each is cleaned and invalidated and marked {@link PageAttribute#UNCACHED}; restoring
 * marks it {@link PageAttribute#WRITE_BACK} again. Only write-back pages the page table holds
 * qualify: MIPS KSEG0 is an unmapped segment whose cacheability is fixed.
 */
final class PageAttributeUncachedPages implements UncachedPages {
  private static final long PAGE = PageTable.PAGE_SIZE;

  private final AddressSpace addressSpace;
  private final PageTable pageTable;
  private final Cache cache;

  @Inject
  PageAttributeUncachedPages(AddressSpace addressSpace, PageTable pageTable, Cache cache) {
    this.addressSpace = PhysicalLayout.notNull(addressSpace, "addressSpace");
    this.pageTable = PhysicalLayout.notNull(pageTable, "pageTable");
    this.cache = PhysicalLayout.notNull(cache, "cache");
  }

  @Override
  public Region makeUncached(long virtualAddress, long length) {
    if (length <= 0) {
      throw new IllegalArgumentException("Cannot make " + Hex.address(virtualAddress) + " + " + length
          + " uncached: length must be > 0");
    }
    long first = Math.floorDiv(virtualAddress, PAGE) * PAGE;
    long end = Math.floorDiv(virtualAddress + length - 1, PAGE) * PAGE + PAGE;
    int count = (int) ((end - first) / PAGE);
    long[] physical = new long[count];
    for (int i = 0; i < count; i++) {
      long page = first + i * PAGE;
      Translation translation = addressSpace.translate(page);
      if (pageTable.lookup(page) == null) {
        throw new IllegalArgumentException("Cannot make page " + Hex.address(page) + " uncached: it lies in an"
            + " unmapped segment (MIPS KSEG0/KSEG1) that the page table does not hold, whose cacheability is"
            + " fixed by the address and cannot change per page; use an uncached alias (KSEG1) instead");
      }
      if (translation.attribute() != PageAttribute.WRITE_BACK) {
        throw new IllegalArgumentException("Cannot make page " + Hex.address(page) + " uncached: it is "
            + translation.attribute() + ", not " + PageAttribute.WRITE_BACK);
      }
      physical[i] = translation.physicalAddress();
    }
    for (int i = 0; i < count; i++) {
      cache.cleanInvalidateRange(physical[i], PAGE);
      pageTable.setAttribute(first + i * PAGE, PAGE, PageAttribute.UNCACHED);
    }
    return new UncachedRegion(first, end - first);
  }

  /** A range of pages made uncached, until restored. */
  private final class UncachedRegion implements Region {
    private final long virtualAddress;
    private final long length;
    private boolean restored;

    UncachedRegion(long virtualAddress, long length) {
      this.virtualAddress = virtualAddress;
      this.length = length;
    }

    @Override
    public long virtualAddress() {
      return virtualAddress;
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public void restore() {
      if (restored) {
        throw new IllegalStateException("The uncached region " + Hex.address(virtualAddress) + " + " + length
            + " has already been restored");
      }
      pageTable.setAttribute(virtualAddress, length, PageAttribute.WRITE_BACK);
      restored = true;
    }

    @Override
    public String toString() {
      return "uncached [" + Hex.address(virtualAddress) + ", " + Hex.address(virtualAddress + length) + ")"
          + (restored ? ", restored" : "");
    }
  }
}
