package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.DmaPool;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.PoolBuffer;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;

/**
 * {@code struct iostruct { int ifield; void *buffer; }} with the buffer a block of a
 * {@code dma_pool} (coherent memory: uncached on non-coherent machines), so nothing is mapped
 * and no maintenance is needed; every CPU access to the buffer pays the uncached cost.
 */
public final class DmaPoolStrategy implements BufferStrategy {
  private final Platform platform;

  /** The strategy on {@code platform}. */
  @Inject
  public DmaPoolStrategy(Platform platform) {
    this.platform = platform;
  }

  @Override
  public IostructBuffers allocate(int bufferBytes) {
    StructLayout layout = Iostructs.withPointer().layout(platform.target());
    long struct = platform.memory().kmalloc(layout.size());
    DmaPool pool = platform.dma().poolCreate("iostruct", bufferBytes, bufferBytes, 0);
    PoolBuffer block = pool.alloc();
    Iostructs.storePointer(platform, struct + layout.field("buffer").offset(), block.cpuAddress());
    long padding = DriverSupport.structPadding(layout) + DriverSupport.kmallocRounding(platform, struct, layout.size())
        + pool.blockSize() - bufferBytes;
    long ifield = struct + layout.field("ifield").offset();
    return new IostructBuffers() {
      @Override
      public long ifield() {
        return ifield;
      }

      @Override
      public long buffer() {
        return block.cpuAddress();
      }

      @Override
      public long paddingBytes() {
        return padding;
      }

      @Override
      public long handToDevice() {
        return block.dmaAddress();
      }

      @Override
      public void takeBack() {
        // coherent memory: the CPU sees the device's bytes without maintenance
      }
    };
  }
}
