package org.dmasim.core;

import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * The CPU's translation look-aside buffer: recent translations of the address space, a
 * direct-mapped array of entries by virtual page, dropped whenever the page table changes.
 * A hit allocates nothing; a miss asks the address space. Pages that do not translate are
 * remembered too, so that speculation around an unmapped page costs no fault each step.
 * It holds nothing the address space would not answer, so it is no part of a machine's state;
 * restoring a machine empties it.
 */
final class Tlb implements Restorable {
  private static final int ENTRIES = 64;
  private static final int PAGE_SHIFT = Integer.numberOfTrailingZeros(PageTable.PAGE_SIZE);
  private static final long IN_PAGE = PageTable.PAGE_SIZE - 1;
  private static final long UNMAPPED = -1;

  private final AddressSpace addressSpace;
  private final PageTable pageTable;
  private final long[] virtualPages = new long[ENTRIES];
  private final long[] physicalPages = new long[ENTRIES];
  private final boolean[] cacheable = new boolean[ENTRIES];
  private final boolean[] valid = new boolean[ENTRIES];
  private long generation;

  @Inject
  Tlb(AddressSpace addressSpace, PageTable pageTable) {
    this.addressSpace = addressSpace;
    this.pageTable = pageTable;
    this.generation = pageTable.generation();
  }

  /**
   * The entry holding the translation of {@code virtualAddress}'s page, filled on a miss.
   *
   * @throws AddressFault if the page is not mapped
   */
  int entry(long virtualAddress) {
    int entry = lookup(virtualAddress);
    if (entry < 0) {
      addressSpace.translate(virtualAddress);
      throw new IllegalStateException("The address space translates " + Hex.address(virtualAddress)
          + " only when asked to throw");
    }
    return entry;
  }

  /** The entry holding the translation of {@code virtualAddress}'s page, or -1 if it is not mapped. */
  int lookup(long virtualAddress) {
    long generationNow = pageTable.generation();
    if (generationNow != generation) {
      Arrays.fill(valid, false);
      generation = generationNow;
    }
    long page = virtualAddress >>> PAGE_SHIFT;
    int entry = (int) (page & (ENTRIES - 1));
    if (!valid[entry] || virtualPages[entry] != page) {
      Translation translation = addressSpace.lookup(virtualAddress);
      virtualPages[entry] = page;
      valid[entry] = true;
      if (translation == null) {
        physicalPages[entry] = UNMAPPED;
        cacheable[entry] = false;
      } else {
        physicalPages[entry] = translation.physicalAddress() - (virtualAddress & IN_PAGE);
        cacheable[entry] = translation.attribute().cacheable();
      }
    }
    return physicalPages[entry] == UNMAPPED ? -1 : entry;
  }

  @Override
  public Runnable checkpoint() {
    return () -> Arrays.fill(valid, false);
  }

  /** The physical address of {@code virtualAddress}, whose page {@code entry} holds. */
  long physicalAddress(int entry, long virtualAddress) {
    return physicalPages[entry] + (virtualAddress & IN_PAGE);
  }

  /** Whether the page {@code entry} holds is reached through the cache. */
  boolean cacheable(int entry) {
    return cacheable[entry];
  }
}
