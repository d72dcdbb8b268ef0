package org.dmasim.core;

/**
 * One thing that happened in the machine, with the time, the address involved, the cache
 * line it concerns (-1 where none applies) and the bytes involved as hex (empty when none).
 */
public record TraceEvent(long time, Kind kind, long address, long lineAddress, String bytes, String detail) {
  /** What happened. */
  public enum Kind {
    /** The CPU loaded from memory (cached hit, miss or uncached). */
    CPU_LOAD,
    /** The CPU stored to memory. */
    CPU_STORE,
    /** A line was filled from memory on demand. */
    FILL,
    /** A line was filled from memory without the program asking (speculation, prefetch). */
    SPECULATIVE_FILL,
    /** A line left the cache to make room or spontaneously. */
    EVICTION,
    /** Dirty bytes of a line were written back to memory. */
    WRITE_BACK,
    /** A maintenance operation ran on a line: clean, invalidate or clean+invalidate. */
    MAINTENANCE,
    /** A device transfer began. */
    DMA_START,
    /** A burst of device traffic reached or left memory. */
    DMA_BURST,
    /** A device transfer completed. */
    DMA_COMPLETE,
    /** The cache answered device traffic for a line it holds. */
    SNOOP,
    /** A page's memory attribute changed. */
    ATTRIBUTE_CHANGE,
    /** A note from the program running on the machine (a driver step, say). */
    NOTE
  }

  /** Checks the non-null parts. */
  public TraceEvent {
    if (kind == null || bytes == null || detail == null) {
      throw new IllegalArgumentException("kind, bytes and detail must not be null");
    }
  }

  /** One line of text: time, kind, address, line, bytes and detail. */
  public String format() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%8d  %-16s", time, kind));
    if (address != -1) {
      text.append(' ').append(Hex.address(address));
    }
    if (lineAddress != -1) {
      text.append(" line ").append(Hex.address(lineAddress));
    }
    if (!detail.isEmpty()) {
      text.append("  ").append(detail);
    }
    if (!bytes.isEmpty()) {
      text.append("  [").append(bytes).append(']');
    }
    return text.toString();
  }
}
