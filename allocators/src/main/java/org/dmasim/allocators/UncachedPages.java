package org.dmasim.allocators;

/**
 * The 2002 proposal of making a buffer's pages uncached for the duration of a transfer:
 * clean+invalidate the pages, change their attribute, and restore it afterwards. Every other
 * access to data on those pages pays the uncached cost meanwhile.
 */
public interface UncachedPages {
  /** A range made uncached; {@link #restore()} makes it cacheable again. */
  interface Region {
    /** The page-aligned start of the region. */
    long virtualAddress();

    /** The page-rounded length of the region. */
    long length();

    /** Makes the pages cacheable write-back again; refused if already restored. */
    void restore();
  }

  /** Makes every page that {@code [virtualAddress, virtualAddress + length)} touches uncached. */
  Region makeUncached(long virtualAddress, long length);
}
