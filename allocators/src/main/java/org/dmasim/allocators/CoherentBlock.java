package org.dmasim.allocators;

/** Coherent memory: the CPU's address, the device's address, and the size asked for. */
public record CoherentBlock(long cpuAddress, long dmaAddress, long size) {
  /** Checks the size is positive. */
  public CoherentBlock {
    if (size <= 0) {
      throw new IllegalArgumentException("Invalid coherent block size " + size + ": must be > 0");
    }
  }
}
