package org.dmasim.samples.drivers.spisensor;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Target;
import org.dmasim.driver.api.layout.FieldAnnotation;

/**
 * {@code u8 rx_buf[4] ____cacheline_aligned;}, as IIO drivers long wrote it: aligned to
 * L1_CACHE_BYTES, which is not ARCH_DMA_MINALIGN where the writeback granule is larger.
 */
public final class CachelineAlignedPlacement implements RxBufferPlacement {
  /** The placement. */
  @Inject
  public CachelineAlignedPlacement() {
    // no state
  }

  @Override
  public FieldAnnotation[] rxBufAnnotations(Target target) {
    return new FieldAnnotation[] {FieldAnnotation.cachelineAligned()};
  }
}
