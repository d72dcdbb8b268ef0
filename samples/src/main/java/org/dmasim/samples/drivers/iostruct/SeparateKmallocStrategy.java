package org.dmasim.samples.drivers.iostruct;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;

/**
 * {@code struct iostruct { int ifield; char *buffer; }} with the buffer kmalloc'd on its own:
 * safe wherever kmalloc's minimum alignment covers the cache line, or the mapping is bounced.
 */
public final class SeparateKmallocStrategy implements BufferStrategy {
  private final Platform platform;

  /** The strategy on {@code platform}. */
  @Inject
  public SeparateKmallocStrategy(Platform platform) {
    this.platform = platform;
  }

  @Override
  public IostructBuffers allocate(int bufferBytes) {
    StructLayout layout = Iostructs.withPointer().layout(platform.target());
    long struct = platform.memory().kmalloc(layout.size());
    long buffer = platform.memory().kmalloc(bufferBytes);
    Iostructs.storePointer(platform, struct + layout.field("buffer").offset(), buffer);
    long padding = DriverSupport.structPadding(layout) + DriverSupport.kmallocRounding(platform, struct, layout.size())
        + DriverSupport.kmallocRounding(platform, buffer, bufferBytes);
    return new Iostructs.Streaming(platform, struct + layout.field("ifield").offset(), buffer, bufferBytes, padding,
        false, 0, 0);
  }
}
