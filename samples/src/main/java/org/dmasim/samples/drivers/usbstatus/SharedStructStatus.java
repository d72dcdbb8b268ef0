package org.dmasim.samples.drivers.usbstatus;

import jakarta.inject.Inject;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.layout.CType;
import org.dmasim.driver.api.layout.StructDeclaration;
import org.dmasim.driver.api.layout.StructLayout;
import org.dmasim.samples.drivers.DriverSupport;

/**
 * The bug: {@code struct usb_hub_io { u8 request[8]; __le32 status; u32 urb_count; }} in one
 * kmalloc, so the FROM_DEVICE status shares a cache line with the TO_DEVICE request and the
 * counter the CPU updates.
 */
public final class SharedStructStatus implements StatusPlacement {
  private final Platform platform;

  /** The placement on {@code platform}. */
  @Inject
  public SharedStructStatus(Platform platform) {
    this.platform = platform;
  }

  @Override
  public HubBuffers allocate() {
    StructLayout layout = StructDeclaration.named("usb_hub_io")
        .array("request", CType.U8, UsbStatusDriver.REQUEST_BYTES)
        .field("status", CType.LE32)
        .field("urb_count", CType.U32)
        .build().layout(platform.target());
    long struct = platform.memory().kmalloc(layout.size());
    return new HubBuffers(struct + layout.field("request").offset(), struct + layout.field("status").offset(),
        struct + layout.field("urb_count").offset(),
        DriverSupport.structPadding(layout) + DriverSupport.kmallocRounding(platform, struct, layout.size()));
  }
}
