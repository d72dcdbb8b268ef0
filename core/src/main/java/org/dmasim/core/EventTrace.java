package org.dmasim.core;

import java.util.List;

/**
 * The machine's event log. Off by default; callers test {@link #enabled()} before they build
 * an event, so a disabled trace costs one branch.
 */
public interface EventTrace {
  /** Whether events are being recorded. */
  boolean enabled();

  /** Records an event; ignored when disabled. */
  void record(TraceEvent.Kind kind, long address, long lineAddress, byte[] bytes, String detail);

  /** The events recorded so far, oldest first. */
  List<TraceEvent> events();
}
