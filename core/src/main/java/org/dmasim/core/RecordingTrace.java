package org.dmasim.core;

import java.util.ArrayList;
import java.util.List;

/** A trace that keeps events in memory when enabled and ignores them otherwise. */
final class RecordingTrace implements EventTrace, Restorable {
  private final boolean enabled;
  private final SimulatedTime time;
  private final List<TraceEvent> events = new ArrayList<>();

  RecordingTrace(boolean enabled, SimulatedTime time) {
    this.enabled = enabled;
    this.time = time;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public void record(TraceEvent.Kind kind, long address, long lineAddress, byte[] bytes, String detail) {
    if (enabled) {
      events.add(new TraceEvent(time.now(), kind, address, lineAddress,
          bytes == null ? "" : Hex.bytes(bytes), detail == null ? "" : detail));
    }
  }

  @Override
  public Runnable checkpoint() {
    int saved = events.size();
    return () -> events.subList(saved, events.size()).clear();
  }

  @Override
  public List<TraceEvent> events() {
    return List.copyOf(events);
  }
}
