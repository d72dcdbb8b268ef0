package org.dmasim.samples.drivers.usbstatus;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.layout.CType;
import org.dmasim.driver.api.layout.StructDeclaration;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;

/**
 * The fix Linux's hub driver uses: {@code struct usb_hub_io { u8 request[8]; void *status;
 * u32 urb_count; }} with the status in a kmalloc of its own, its size rounded up to
 * ARCH_DMA_MINALIGN so the allocation owns whole DMA-aligned lines.
 */
public final class SeparateStatus implements StatusPlacement {
  private final Platform platform;

  /** The placement on {@code platform}. */
  @Inject
  public SeparateStatus(Platform platform) {
    this.platform = platform;
  }

  @Override
  public HubBuffers allocate() {
    StructLayout layout = StructDeclaration.named("usb_hub_io")
        .array("request", CType.U8, UsbStatusDriver.REQUEST_BYTES)
        .field("status", CType.POINTER)
        .field("urb_count", CType.U32)
        .build().layout(platform.target());
    long struct = platform.memory().kmalloc(layout.size());
    int alignment = platform.target().dmaAlignment();
    long statusSize = (UsbStatusDriver.STATUS_BYTES + alignment - 1L) / alignment * alignment;
    long status = platform.memory().kmalloc(statusSize);
    long pointer = struct + layout.field("status").offset();
    if (platform.target().pointerSize() == Long.BYTES) {
      platform.cpu().write64(pointer, status);
    } else {
      platform.cpu().write32(pointer, (int) status);
    }
    long padding = DriverSupport.structPadding(layout) + DriverSupport.kmallocRounding(platform, struct, layout.size())
        + DriverSupport.kmallocRounding(platform, status, UsbStatusDriver.STATUS_BYTES);
    return new HubBuffers(struct + layout.field("request").offset(), status,
        struct + layout.field("urb_count").offset(), padding);
  }
}
