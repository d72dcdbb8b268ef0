package org.dmasim.samples.compare;

import java.util.List;
import org.dmasim.core.TraceEvent;
import org.dmasim.samples.drivers.Outcome;

/**
 * The first failing run of a cell, replayed with tracing: its seed, outcome, the oracle's
 * reasons, the device buffer's first cache line, and the annotated timeline.
 */
public record FailureExample(long seed, Outcome outcome, List<String> reasons, long watchedLine,
    List<TraceEvent> trace, List<String> timeline) {
  /** Copies the lists. */
  public FailureExample {
    reasons = List.copyOf(reasons);
    trace = List.copyOf(trace);
    timeline = List.copyOf(timeline);
  }
}
