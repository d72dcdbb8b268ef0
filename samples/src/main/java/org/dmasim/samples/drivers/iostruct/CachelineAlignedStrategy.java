package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.layout.FieldAnnotation;

/**
 * {@code ____cacheline_aligned} on the embedded buffer: aligned to L1_CACHE_BYTES, which is
 * enough where the cache maintains lines of at most that size and not where the writeback
 * granule is larger (128-byte arm64 parts behind a 64-byte L1_CACHE_BYTES).
 */
public final class CachelineAlignedStrategy implements BufferStrategy {
  private final Platform platform;

  /** The strategy on {@code platform}. */
  @Inject
  public CachelineAlignedStrategy(Platform platform) {
    this.platform = platform;
  }

  @Override
  public IostructBuffers allocate(int bufferBytes) {
    return Iostructs.kmallocEmbedded(platform, bufferBytes, false, FieldAnnotation.cachelineAligned());
  }
}
