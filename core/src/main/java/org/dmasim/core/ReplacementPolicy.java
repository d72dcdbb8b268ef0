package org.dmasim.core;

/** Which way of a full set a cache evicts on a miss. */
public enum ReplacementPolicy {
  /** The least recently used way. */
  LRU,
  /** The way filled longest ago. */
  FIFO,
  /** A way drawn from the machine's choice source. */
  RANDOM
}
