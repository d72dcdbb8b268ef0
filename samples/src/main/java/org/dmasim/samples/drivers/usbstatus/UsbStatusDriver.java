package org.dmasim.samples.drivers.usbstatus;

import jakarta.inject.Inject;
import org.dmasim.driver.api.CpuAccess;
import org.dmasim.driver.api.DmaDirection;
import org.dmasim.driver.api.Platform;
import org.dmasim.driver.api.Transfer;
import org.dmasim.driver.api.TransferHandle;
import org.dmasim.samples.drivers.DriverSupport;
import org.dmasim.samples.drivers.Expectations;
import org.dmasim.samples.drivers.Recorder;
import org.dmasim.samples.drivers.SampleDriver;

/**
 * A hub-style driver: an 8-byte control request the device reads (TO_DEVICE) and a 4-byte
 * port status it writes back (FROM_DEVICE), both mapped at once, plus an URB counter the CPU
 * keeps. The device reads the request, then writes the status; as soon as the request has been
 * read the driver unmaps it and prepares the next request and bumps the counter while the
 * status transfer is still in flight, as a hub driver queueing its next port query does. Where
 * the status lives is the injected {@link StatusPlacement}; this code is the same for both.
 *
 * <p>Which DMA-API debug finding shows: Linux's "cacheline tracking EEXIST" check does not,
 * because it only tracks device-writable mappings and the request is TO_DEVICE; with the
 * status inside the struct ({@link SharedStructStatus}), the CPU's stores to the next request
 * and the counter share a cache line with the in-flight status mapping, which the checker
 * reports as {@link org.dmasim.driver.api.FindingClass#CPU_TOUCHED_DEVICE_LINE}. With
 * {@link SeparateStatus} nothing is reported.
 *
 * <p>The device's read of the request is recorded as a read (the device's, of the CPU's
 * bytes): a device that read stale request bytes is named STALE_READ.
 *
 * <p>Mappings are undone before {@code run} returns; memory stays allocated, as the oracle
 * reads memory at the device's addresses after the run.
 *
 * <p>Expectations: only OK is acceptable; the both-mapped layout is a bug kept to show it.
 */
public final class UsbStatusDriver implements SampleDriver {
  /** Bytes of a USB control request (the setup packet). */
  public static final int REQUEST_BYTES = 8;
  /** Bytes of the port status the device writes (wPortStatus, wPortChange). */
  public static final int STATUS_BYTES = 4;
  /** What the status buffer holds before the transfer. */
  public static final int OLD_STATUS_BYTE = 0x5a;
  /** GET_STATUS of port 1: bmRequestType 0xa3, bRequest 0, wValue 0, wIndex 1, wLength 4. */
  private static final byte[] FIRST_REQUEST = {(byte) 0xa3, 0, 0, 0, 1, 0, 4, 0};
  /** GET_STATUS of port 2, prepared while the status of port 1 is in flight. */
  private static final byte[] NEXT_REQUEST = {(byte) 0xa3, 0, 0, 0, 2, 0, 4, 0};
  /** PORT_CONNECTION | PORT_ENABLE, C_PORT_CONNECTION. */
  private static final byte[] PORT_STATUS = {0x03, 0x01, 0x01, 0x00};

  /** How the outcomes of this sample are graded. */
  public static final Expectations EXPECTATIONS = Expectations.okOnly(
      "the CPU read the device's port status, the device read the request, the CPU kept its stores",
      "the CPU read a stale port status (or the device a stale request)",
      "a write-back of the line holding the request and counter overwrote the device's port status",
      "an invalidate of the status line discarded the CPU's next request or counter update");

  private final Platform platform;
  private final StatusPlacement placement;

  /** The driver on {@code platform}, its status placed by {@code placement}. */
  @Inject
  public UsbStatusDriver(Platform platform, StatusPlacement placement) {
    this.platform = platform;
    this.placement = placement;
  }

  @Override
  public void run(Recorder recorder) {
    CpuAccess cpu = platform.cpu();
    HubBuffers io = placement.allocate();

    platform.note("usb-status: prepare the request; the status buffer holds old bytes");
    cpu.write(io.status(), DriverSupport.filled(STATUS_BYTES, OLD_STATUS_BYTE));
    cpu.write(io.request(), FIRST_REQUEST);
    cpu.write32(io.urbCount(), 1);

    platform.note("usb-status: map the request TO_DEVICE and the status FROM_DEVICE, start the device");
    long requestDma = DriverSupport.mapSingle(platform, io.request(), REQUEST_BYTES, DmaDirection.TO_DEVICE,
        "usb_hub_io.request");
    long statusDma = DriverSupport.mapSingle(platform, io.status(), STATUS_BYTES, DmaDirection.FROM_DEVICE,
        "usb_hub_io.status");
    TransferHandle[] statusWrite = new TransferHandle[1];
    TransferHandle requestRead = platform.device().start(Transfer.toDevice(requestDma, REQUEST_BYTES),
        done -> statusWrite[0] = platform.device().start(Transfer.fromDevice(statusDma, PORT_STATUS), ignored -> { }));

    platform.waitFor(requestRead);
    platform.note("usb-status: the device has the request; unmap it and queue the next while the status is in flight");
    platform.dma().unmapSingle(requestDma, REQUEST_BYTES, DmaDirection.TO_DEVICE);
    cpu.write(io.request(), NEXT_REQUEST);
    int count = cpu.read32(io.urbCount());
    cpu.write32(io.urbCount(), count + 1);

    platform.waitFor(statusWrite[0]);
    platform.note("usb-status: unmap the status and read it");
    platform.dma().unmapSingle(statusDma, STATUS_BYTES, DmaDirection.FROM_DEVICE);
    byte[] status = cpu.read(io.status(), STATUS_BYTES);
    byte[] request = cpu.read(io.request(), REQUEST_BYTES);
    int countAtEnd = cpu.read32(io.urbCount());

    recorder.deviceWrote("usb_hub_io.status", statusDma, PORT_STATUS);
    recorder.cpuRead("usb_hub_io.status", status, PORT_STATUS);
    recorder.cpuRead("usb_hub_io.request as the device read it", requestRead.bytesRead(), FIRST_REQUEST);
    recorder.cpuStore("usb_hub_io.request (next, stored during the status transfer)",
        DriverSupport.littleEndian(NEXT_REQUEST), DriverSupport.littleEndian(request));
    recorder.cpuStore("usb_hub_io.urb_count stored before mapping (as the CPU saw it during the transfer)", 1, count);
    recorder.cpuStore("usb_hub_io.urb_count stored during the status transfer", 2, countAtEnd);
    recorder.paddingBytes(io.paddingBytes());
  }
}
