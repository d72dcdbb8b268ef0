package org.dmasim.allocators;

/** Creates dma_pools, as {@code dma_pool_create(name, dev, size, align, boundary)}. */
public interface DmaPools {
  /**
   * A pool of blocks of {@code size} bytes. {@code align} 0 means 1, otherwise a power of
   * two; size is raised to at least 16 and rounded up to a multiple of align; boundary 0
   * means the chunk size, otherwise a power of two at least size.
   */
  DmaPool create(String name, long size, long align, long boundary);
}
