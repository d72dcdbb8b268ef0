package org.dmasim.core;

/** The direction of a DMA mapping, as Linux names it. */
public enum DmaDirection {
  /** The device reads memory. */
  TO_DEVICE,
  /** The device writes memory. */
  FROM_DEVICE,
  /** The device may do both. */
  BIDIRECTIONAL;

  /** Whether the device may write memory in this direction. */
  public boolean deviceWrites() {
    return this != TO_DEVICE;
  }

  /** Whether the device may read memory in this direction. */
  public boolean deviceReads() {
    return this != FROM_DEVICE;
  }
}
