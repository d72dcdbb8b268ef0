package org.dmasim.core;

/**
 * Every kind of decision the simulated hardware makes on its own. Each is asked of the one
 * {@link ChoiceSource} of a machine with a number of options; option 0 is always "the
 * quiet one" (nothing happens, the CPU goes first, the shortest latency).
 */
public enum ChoicePoint {
  /** A device burst is due at a CPU step: 0 the CPU goes first, 1 the burst lands first. */
  BUS_ARBITRATION,
  /** A device's start-up latency, in steps of the cost model's DMA setup cycles. */
  DEVICE_LATENCY,
  /** 0 no line leaves the cache now, 1 one does (cache pressure from elsewhere). */
  SPONTANEOUS_EVICTION,
  /** Which valid line leaves, by index among the valid lines in set and way order. */
  EVICTION_VICTIM,
  /** 0 no speculative fill now, 1 the core fills a line nobody asked for. */
  SPECULATIVE_FILL,
  /** Which candidate line (around the last access) is filled speculatively. */
  SPECULATIVE_FILL_TARGET,
  /** Which way a random replacement policy evicts. */
  REPLACEMENT_VICTIM
}
