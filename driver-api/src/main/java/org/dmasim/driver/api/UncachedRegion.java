package org.dmasim.driver.api;

/** Pages made uncached for a transfer (the 2002 "uncached page" approach); restore them afterwards. */
public interface UncachedRegion {
  /** Makes the pages cacheable again. */
  void restore();
}
