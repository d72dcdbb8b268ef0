package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;

/**
 * The embedded layout, with the struct's page made uncached from before the buffer is mapped
 * until after it is unmapped (the 2002 "uncached page" idea): correct, but every access to
 * anything else on that page pays the uncached cost meanwhile. Needs pages whose cacheability
 * the page table controls: on MIPS, kmalloc memory lies in the unmapped KSEG0 segment, and
 * {@link #allocate}'s hand-over fails with an {@link UnsupportedOperationException} naming why.
 */
public final class UncachedPageStrategy implements BufferStrategy {
  private final Platform platform;

  /** The strategy on {@code platform}. */
  @Inject
  public UncachedPageStrategy(Platform platform) {
    this.platform = platform;
  }

  @Override
  public IostructBuffers allocate(int bufferBytes) {
    return Iostructs.kmallocEmbedded(platform, bufferBytes, true);
  }
}
