package org.dmasim.core;

/** What a CPU store does to memory. */
public enum WritePolicy {
  /** Stores stay in the cache, marking the line dirty, until it is cleaned or evicted. */
  WRITE_BACK,
  /** Stores go to memory at once as well; lines are never dirty. */
  WRITE_THROUGH
}
