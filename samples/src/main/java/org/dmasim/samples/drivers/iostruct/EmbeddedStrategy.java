package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;

/**
 * The 2002 bug: {@code struct iostruct { int ifield; char buffer[16]; }} kmalloc'd, the buffer
 * mapped FROM_DEVICE while it shares a cache line with {@code ifield}. Also the strategy of
 * the {@code bounce} variant, which only boots the machine with {@code swiotlb=force}.
 */
public final class EmbeddedStrategy implements BufferStrategy {
  private final Platform platform;

  /** The strategy on {@code platform}. */
  @Inject
  public EmbeddedStrategy(Platform platform) {
    this.platform = platform;
  }

  @Override
  public IostructBuffers allocate(int bufferBytes) {
    return Iostructs.kmallocEmbedded(platform, bufferBytes, false);
  }
}
