package org.dmasim.driver.api;

import java.util.List;

/** The DMA-API debug checker of one device: its findings so far. */
public interface DmaDebug {
  /** Whether the checker is on. */
  boolean enabled();

  /** Whether findings are thrown as {@link DmaDebugException}. */
  boolean strict();

  /** Every finding so far, oldest first. */
  List<Finding> findings();

  /** How many findings of {@code findingClass} there were. */
  default long count(FindingClass findingClass) {
    return findings().stream().filter(finding -> finding.findingClass() == findingClass).count();
  }
}
