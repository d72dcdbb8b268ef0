package org.dmasim.core;

/** The memory type of a page, as the CPU's page table states it. */
public enum PageAttribute {
  /** Normal memory, cached write-back (the default for kernel memory). */
  WRITE_BACK(true),
  /** Device or strongly-ordered memory: every access goes to memory. */
  UNCACHED(false),
  /** Normal non-cacheable, bufferable memory: every access goes to memory. */
  WRITE_COMBINE(false);

  private final boolean cacheable;

  PageAttribute(boolean cacheable) {
    this.cacheable = cacheable;
  }

  /** Whether CPU accesses to such a page go through the data cache. */
  public boolean cacheable() {
    return cacheable;
  }
}
