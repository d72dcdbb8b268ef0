package org.dmasim.driver.api;

/** A dma_pool: small coherent blocks of one size, as {@code dma_pool_alloc/free/destroy}. */
public interface DmaPool {
  /** The pool's name. */
  String name();

  /** The size of every block after the kernel's rounding. */
  long blockSize();

  /** {@code dma_pool_alloc}. */
  PoolBuffer alloc();

  /** {@code dma_pool_free}. */
  void free(PoolBuffer buffer);

  /** {@code dma_pool_destroy}. */
  void destroy();
}
