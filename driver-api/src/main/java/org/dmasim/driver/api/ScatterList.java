package org.dmasim.driver.api;

import java.util.List;

/** A scatter-gather list: the CPU ranges of one transfer, in order. */
public record ScatterList(List<Segment> segments) {
  /** One CPU range. */
  public record Segment(long cpuAddress, long length) {
    /** Checks the length is positive. */
    public Segment {
      if (length <= 0) {
        throw new IllegalArgumentException("Invalid scatter-gather segment length " + length + ": must be > 0");
      }
    }
  }

  /** Checks there is at least one segment. */
  public ScatterList {
    if (segments == null || segments.isEmpty()) {
      throw new IllegalArgumentException("A scatter-gather list needs at least one segment");
    }
    segments = List.copyOf(segments);
  }

  /** A list of the given segments. */
  public static ScatterList of(Segment... segments) {
    return new ScatterList(List.of(segments));
  }
}
