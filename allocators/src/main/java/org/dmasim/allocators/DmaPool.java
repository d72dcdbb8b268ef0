package org.dmasim.allocators;

/**
 * A dma_pool (mm/dmapool.c): equal blocks carved from coherent chunks, none crossing the
 * pool's boundary. With debugging, free blocks hold {@value #POISON_FREE} and new blocks
 * {@value #POISON_ALLOCATED}.
 */
public interface DmaPool {
  /** The byte a free block is filled with under debugging. */
  int POISON_FREE = 0xa7;
  /** The byte a newly allocated block is filled with under debugging. */
  int POISON_ALLOCATED = 0xa9;

  /** The name given at creation. */
  String name();

  /** The block size after the kernel's rounding. */
  long blockSize();

  /** The alignment every block has. */
  long alignment();

  /** The boundary no block crosses. */
  long boundary();

  /** Allocates a block. */
  PoolBlock allocate();

  /** Frees a block of this pool; a double free or another pool's block is refused, naming it. */
  void free(long cpuAddress, long dmaAddress);

  /** Blocks allocated and not freed. */
  int liveBlocks();

  /** Bytes of live blocks beyond what was asked for, and chunk space no block can use. */
  long bytesLostToAlignmentAndPadding();

  /** Frees the chunks; refused ("busy") while blocks are live. */
  void destroy();
}
