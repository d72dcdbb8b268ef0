package org.dmasim.samples.drivers.usbstatus;

/** Where the usb-status driver's status buffer lives relative to its request and counter. */
public interface StatusPlacement {
  /**
   * Allocates the hub's I/O memory: a request of {@link UsbStatusDriver#REQUEST_BYTES}, a
   * {@code __le32} status and a {@code u32} counter.
   */
  HubBuffers allocate();
}
