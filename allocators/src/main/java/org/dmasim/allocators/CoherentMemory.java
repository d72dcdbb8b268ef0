package org.dmasim.allocators;

/**
 * dma_alloc_coherent: page-granular memory, aligned to its power-of-two order, that CPU and
 * device see alike: cacheable on a coherent machine, otherwise cleaned (or flushed) and
 * reached through an uncached alias (ARM's non-cacheable remap, MIPS KSEG1).
 */
public interface CoherentMemory {
  /** Allocates at least {@code size} bytes. */
  CoherentBlock allocate(long size);

  /** Frees a block with the same CPU address, device address and size it was allocated with. */
  void free(long size, long cpuAddress, long dmaAddress);

  /** Bytes of live blocks beyond what was asked for (page and order rounding). */
  long bytesLostToAlignmentAndPadding();
}
