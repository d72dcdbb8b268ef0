package org.dmasim.driver.api;

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
}
