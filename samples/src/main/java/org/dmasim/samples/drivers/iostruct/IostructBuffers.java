package org.dmasim.samples.drivers.iostruct;

/**
 * The iostruct sample's memory as one strategy placed it: the addresses of {@code ifield} and
 * of the buffer, the bytes the placement lost to padding, and the hand-over of the buffer to
 * the device and back.
 */
public interface IostructBuffers {
  /** The kernel virtual address of {@code int ifield}. */
  long ifield();

  /** The kernel virtual address of the buffer the device writes. */
  long buffer();

  /** Bytes lost to struct holes, tail padding and allocator rounding. */
  long paddingBytes();

  /**
   * Gives the buffer to the device for a FROM_DEVICE transfer and returns the device address to
   * program (mapped and checked with {@code dma_mapping_error} where the strategy maps).
   */
  long handToDevice();

  /** Takes the buffer back after the transfer, so the CPU may read it. */
  void takeBack();
}
