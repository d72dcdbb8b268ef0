package org.dmasim.samples.drivers;

/**
 * How a sample run ended, named by the oracle from what the driver recorded and what memory
 * holds. When several apply, a run is named by the first in declaration order after OK.
 */
public enum Outcome {
  /** The CPU read the device's bytes and kept every store it made. */
  OK,
  /** The CPU read bytes from before the transfer. */
  STALE_READ,
  /** Memory holds stale bytes written back over the device's data. */
  DMA_DATA_CORRUPTED,
  /** A CPU store to a neighbouring field vanished. */
  CPU_WRITE_LOST
}
