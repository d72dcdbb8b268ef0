package org.dmasim.core;

/**
 * How a run that moved data with DMA ended, judged by comparing what the device wrote and
 * what the CPU stored with what memory holds and what the CPU read at the end.
 */
public enum Outcome {
  /** The CPU read the device's bytes and kept every store it made. */
  OK,
  /** Memory holds stale bytes written back over the device's data. */
  DMA_DATA_CORRUPTED,
  /** The CPU read bytes from before the transfer. */
  STALE_READ,
  /** A CPU store to a neighbouring field vanished. */
  CPU_WRITE_LOST;

  /** The outcome a run with these failures is named by: the first in declaration order, or OK. */
  public static Outcome primary(java.util.Set<Outcome> failures) {
    for (Outcome outcome : values()) {
      if (outcome != OK && failures.contains(outcome)) {
        return outcome;
      }
    }
    return OK;
  }
}
