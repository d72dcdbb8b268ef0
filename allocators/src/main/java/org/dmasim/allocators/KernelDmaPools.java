package org.dmasim.allocators;

import jakarta.inject.Inject;
import org.dmasim.core.Cpu;

/**
 * dma_pool_create's checks and rounding (mm/dmapool.c); the pools it creates carve their
 * chunks from the machine's coherent memory and poison through the machine's CPU.
 */
final class KernelDmaPools implements DmaPools {
  /** sizeof(struct dma_block): the smallest block, which holds the free-list link. */
  static final long MINIMUM_BLOCK = 16;

  private final CoherentMemory coherent;
  private final Cpu cpu;

  @Inject
  KernelDmaPools(CoherentMemory coherent, Cpu cpu) {
    this.coherent = PhysicalLayout.notNull(coherent, "coherent");
    this.cpu = PhysicalLayout.notNull(cpu, "cpu");
  }

  @Override
  public DmaPool create(String name, long size, long align, long boundary) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Invalid dma_pool name '" + name + "': must not be blank");
    }
    String what = "Cannot create dma_pool " + name + " (size " + size + ", align " + align + ", boundary "
        + boundary + ")";
    if (align == 0) {
      align = 1;
    } else if (!PhysicalLayout.isPowerOfTwo(align)) {
      throw new IllegalArgumentException(what + ": align must be 0 or a power of two");
    }
    if (size <= 0 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + ": size must be from 1 to " + Integer.MAX_VALUE);
    }
    long blockSize = Math.max(size, MINIMUM_BLOCK);
    blockSize = (blockSize + align - 1) / align * align;
    long allocation = Math.max(blockSize, PageAllocator.PAGE_SIZE);
    if (boundary == 0) {
      boundary = allocation;
    } else if (!PhysicalLayout.isPowerOfTwo(boundary) || boundary < blockSize) {
      throw new IllegalArgumentException(what + ": boundary must be 0 or a power of two at least the block size "
          + blockSize);
    }
    boundary = Math.min(boundary, allocation);
    return new KernelDmaPool(name, size, blockSize, align, boundary, allocation, coherent, cpu);
  }
}
