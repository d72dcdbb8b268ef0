package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.layout.FieldAnnotation;

/**
 * The {@code __dma_buffer} attribute proposed in 2002 on the embedded buffer: on a non-coherent
 * machine it is aligned to ARCH_DMA_MINALIGN and padded so no other field shares its lines;
 * on a coherent machine nothing changes.
 */
public final class DmaBufferAttributeStrategy implements BufferStrategy {
  private final Platform platform;

  /** The strategy on {@code platform}. */
  @Inject
  public DmaBufferAttributeStrategy(Platform platform) {
    this.platform = platform;
  }

  @Override
  public IostructBuffers allocate(int bufferBytes) {
    return Iostructs.kmallocEmbedded(platform, bufferBytes, false, FieldAnnotation.dmaBuffer());
  }
}
