package org.dmasim.samples.drivers.iostruct;

import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.UncachedRegion;
import org.dmasim.driver.api.layout.CType;
import org.dmasim.driver.api.layout.FieldAnnotation;
import org.dmasim.driver.api.layout.StructDeclaration;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;

/** The struct declarations of the iostruct sample and the streaming hand-over most strategies share. */
final class Iostructs {
  private Iostructs() {}

  /** {@code struct iostruct { int ifield; char buffer[bytes] <annotations>; }}. */
  static StructDeclaration embedded(int bufferBytes, FieldAnnotation... bufferAnnotations) {
    return StructDeclaration.named("iostruct")
        .field("ifield", CType.INT)
        .array("buffer", CType.CHAR, bufferBytes, bufferAnnotations)
        .build();
  }

  /** {@code struct iostruct { int ifield; char *buffer; }}: the buffer lives elsewhere. */
  static StructDeclaration withPointer() {
    return StructDeclaration.named("iostruct")
        .field("ifield", CType.INT)
        .field("buffer", CType.POINTER)
        .build();
  }

  /** Stores {@code pointer} in a pointer-sized field, as C's assignment does. */
  static void storePointer(Platform platform, long address, long pointer) {
    if (platform.target().pointerSize() == Long.BYTES) {
      platform.cpu().write64(address, pointer);
    } else {
      platform.cpu().write32(address, (int) pointer);
    }
  }

  /**
   * The struct with the buffer inside it, kmalloc'd, the buffer mapped with
   * {@code dma_map_single}; with {@code uncachedDuringTransfer} the struct's page is made
   * uncached from before the map until after the unmap.
   */
  static IostructBuffers kmallocEmbedded(Platform platform, int bufferBytes, boolean uncachedDuringTransfer,
      FieldAnnotation... bufferAnnotations) {
    StructLayout layout = embedded(bufferBytes, bufferAnnotations).layout(platform.target());
    long struct = platform.memory().kmalloc(layout.size());
    long padding = DriverSupport.structPadding(layout) + DriverSupport.kmallocRounding(platform, struct, layout.size());
    return new Streaming(platform, struct + layout.field("ifield").offset(), struct + layout.field("buffer").offset(),
        bufferBytes, padding, uncachedDuringTransfer, struct, layout.size());
  }

  /** A buffer handed over with {@code dma_map_single}/{@code dma_unmap_single} FROM_DEVICE. */
  static final class Streaming implements IostructBuffers {
    private final Platform platform;
    private final long ifield;
    private final long buffer;
    private final int bufferBytes;
    private final long padding;
    private final boolean uncachedDuringTransfer;
    private final long uncachedStart;
    private final long uncachedLength;
    private UncachedRegion uncached;
    private long dmaAddress;

    /**
     * The buffer at {@code buffer}; with {@code uncachedDuringTransfer}, {@code [uncachedStart,
     * +uncachedLength)} is made uncached from before the map until after the unmap.
     */
    Streaming(Platform platform, long ifield, long buffer, int bufferBytes, long padding,
        boolean uncachedDuringTransfer, long uncachedStart, long uncachedLength) {
      this.platform = platform;
      this.ifield = ifield;
      this.buffer = buffer;
      this.bufferBytes = bufferBytes;
      this.padding = padding;
      this.uncachedDuringTransfer = uncachedDuringTransfer;
      this.uncachedStart = uncachedStart;
      this.uncachedLength = uncachedLength;
    }

    @Override
    public long ifield() {
      return ifield;
    }

    @Override
    public long buffer() {
      return buffer;
    }

    @Override
    public long paddingBytes() {
      return padding;
    }

    @Override
    public long handToDevice() {
      if (uncachedDuringTransfer) {
        try {
          uncached = platform.memory().makeUncached(uncachedStart, uncachedLength);
        } catch (IllegalArgumentException refused) {
          throw new UnsupportedOperationException("iostruct/uncached-page cannot run on "
              + platform.target().architecture() + "/" + platform.target().profile()
              + ": the kernel cannot make the page of a kmalloc'd struct uncached there. " + refused.getMessage(),
              refused);
        }
      }
      dmaAddress = DriverSupport.mapSingle(platform, buffer, bufferBytes, DmaDirection.FROM_DEVICE, "iostruct.buffer");
      return dmaAddress;
    }

    @Override
    public void takeBack() {
      platform.dma().unmapSingle(dmaAddress, bufferBytes, DmaDirection.FROM_DEVICE);
      if (uncached != null) {
        uncached.restore();
        uncached = null;
      }
    }
  }
}
