package org.dmasim.allocators;

import org.dmasim.core.DmaDirection;

/**
 * swiotlb: 2 KiB slots in low memory that stand in for a buffer the device must not see.
 * Map copies original to bounce (always); sync for device copies again for TO_DEVICE and
 * BIDIRECTIONAL; sync for CPU and unmap copy bounce to original for FROM_DEVICE and
 * BIDIRECTIONAL. Cache maintenance is done on the bounce address only. Copies are CPU
 * work through the cache and are charged as such.
 */
public interface BounceBuffers {
  /** Bytes per slot. */
  int SLOT_BYTES = 2048;
  /** The most contiguous slots one mapping may take. */
  int MAX_SLOTS_PER_MAPPING = 128;

  /**
   * Linux 6.5's dma_kmalloc_needs_bounce: on a non-coherent device with the rule enabled,
   * a non-TO_DEVICE mapping under 2 * ARCH_DMA_MINALIGN whose kmalloc size class is not a
   * multiple of the cache alignment. Looks at the size only.
   */
  boolean needsBounce(long size, DmaDirection direction);

  /** Bounces {@code [originalPhysical, +size)}: takes slots, copies, maintains the bounce. */
  BounceMapping map(long originalPhysical, long size, DmaDirection direction);

  /** sync_for_device of {@code [offset, offset + size)} of the mapping. */
  void syncForDevice(BounceMapping mapping, long offset, long size, DmaDirection direction);

  /** sync_for_cpu of {@code [offset, offset + size)} of the mapping. */
  void syncForCpu(BounceMapping mapping, long offset, long size, DmaDirection direction);

  /** Unmaps: maintenance and copy back as sync_for_cpu, then frees the slots. */
  void unmap(BounceMapping mapping);

  /** Slots in use now. */
  int slotsInUse();

  /** Bytes copied between original and bounce buffers so far. */
  long bytesCopied();
}
