package org.dmasim.samples.drivers.usbstatus;

/**
 * The usb-status driver's memory as a placement laid it out.
 *
 * @param request the kernel virtual address of the request the device reads
 * @param status the kernel virtual address of the status buffer the device writes
 * @param urbCount the kernel virtual address of the counter the CPU updates
 * @param paddingBytes bytes lost to struct holes, tail padding and allocator rounding
 */
public record HubBuffers(long request, long status, long urbCount, long paddingBytes) {}
