package org.dmasim.arch.arm;

import jakarta.inject.Inject;
import org.dmasim.core.Cache;
import org.dmasim.core.DmaDirection;
import org.dmasim.core.spi.CacheRanges;
import org.dmasim.core.DmaMaintenance;

/**
 * arch/arm/mm/cache-v7.S and arch/arm64/mm/dma-mapping.c: clean for the device to read;
 * for the device to write, invalidate (ARMv7, arm64 before 5.19) or clean (arm64 since 5.19,
 * commit c50f11c6196f); after the device wrote, invalidate. Invalidation cleans a partial
 * first or last line.
 */
final class ArmDmaMaintenance implements DmaMaintenance {
  /** Which kernel's arch_sync_dma_* this is. */
  enum Variant {
    ARMV7(false, true),
    ARM64(true, false),
    ARM64_PRE_5_19(false, false);

    final boolean cleanForDeviceWrite;
    final boolean flushCoherentPages;

    Variant(boolean cleanForDeviceWrite, boolean flushCoherentPages) {
      this.cleanForDeviceWrite = cleanForDeviceWrite;
      this.flushCoherentPages = flushCoherentPages;
    }
  }

  private final Cache cache;
  private final Variant variant;

  @Inject
  ArmDmaMaintenance(Cache cache, Variant variant) {
    this.cache = cache;
    this.variant = variant;
  }

  @Override
  public void forDevice(long physicalAddress, long size, DmaDirection direction) {
    if (direction == DmaDirection.FROM_DEVICE && !variant.cleanForDeviceWrite) {
      CacheRanges.invalidateCleaningPartialEdges(cache, physicalAddress, size);
    } else {
      cache.cleanRange(physicalAddress, size);
    }
  }

  @Override
  public void forCpu(long physicalAddress, long size, DmaDirection direction) {
    if (direction != DmaDirection.TO_DEVICE) {
      CacheRanges.invalidateCleaningPartialEdges(cache, physicalAddress, size);
    }
  }

  @Override
  public void prepareCoherent(long physicalAddress, long size) {
    if (variant.flushCoherentPages) {
      cache.cleanInvalidateRange(physicalAddress, size);
    } else {
      cache.cleanRange(physicalAddress, size);
    }
  }
}
