package org.dmasim.arch.mips;

import org.dmasim.core.Cache;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.DmaMaintenance;

/**
 * arch/mips/mm/c-r4k.c and dma-noncoherent.c: write back and invalidate for the device to
 * read; Hit_Invalidate every touched line for it to write (partial edge lines are not
 * cleaned); after DMA, invalidate again only on cores that need the post-DMA flush.
 */
final class MipsDmaMaintenance implements DmaMaintenance {
  private final Cache cache;
  private final boolean postDmaInvalidate;

  MipsDmaMaintenance(Cache cache, boolean postDmaInvalidate) {
    this.cache = cache;
    this.postDmaInvalidate = postDmaInvalidate;
  }

  @Override
  public void forDevice(long physicalAddress, long size, DmaDirection direction) {
    if (direction == DmaDirection.FROM_DEVICE) {
      cache.invalidateRange(physicalAddress, size);
    } else {
      cache.cleanInvalidateRange(physicalAddress, size);
    }
  }

  @Override
  public void forCpu(long physicalAddress, long size, DmaDirection direction) {
    if (postDmaInvalidate && direction != DmaDirection.TO_DEVICE) {
      cache.invalidateRange(physicalAddress, size);
    }
  }

  @Override
  public void prepareCoherent(long physicalAddress, long size) {
    cache.cleanInvalidateRange(physicalAddress, size);
  }
}
