package org.dmasim.samples.compare;

import java.util.ArrayList;
import java.util.List;
import org.dmasim.core.TraceEvent;

/**
 * Annotates a run's trace so a reader sees the 2002 story: which maintenance ran, when the
 * watched line came back into the cache, when the device's bytes landed, and which
 * write-back or invalidate did the damage. The annotations read the events only.
 */
public final class Timeline {
  private final long firstLine;
  private final long lastLine;
  private final long deviceStart;
  private final long deviceEnd;

  /**
   * A timeline watching the cache lines of device range {@code [deviceAddress, +deviceBytes)}
   * with lines of {@code lineSize} bytes.
   */
  public Timeline(long deviceAddress, int deviceBytes, int lineSize) {
    this.firstLine = deviceAddress & -(long) lineSize;
    this.lastLine = (deviceAddress + Math.max(deviceBytes, 1) - 1) & -(long) lineSize;
    this.deviceStart = deviceAddress;
    this.deviceEnd = deviceAddress + deviceBytes;
  }

  /** The first watched line. */
  public long watchedLine() {
    return firstLine;
  }

  /** Every event, formatted, with a marker and explanation on those that tell the story. */
  public List<String> annotateAll(List<TraceEvent> events) {
    return annotate(events, false);
  }

  /** Only the notes, device events and events on the watched lines, annotated. */
  public List<String> annotateWatched(List<TraceEvent> events) {
    return annotate(events, true);
  }

  private List<String> annotate(List<TraceEvent> events, boolean watchedOnly) {
    List<String> lines = new ArrayList<>();
    boolean inFlight = false;
    boolean deviceLanded = false;
    for (TraceEvent event : events) {
      String note = "";
      boolean relevant = event.kind() == TraceEvent.Kind.NOTE;
      boolean onWatchedLine = event.lineAddress() != -1 && event.lineAddress() >= firstLine
          && event.lineAddress() <= lastLine;
      switch (event.kind()) {
        case DMA_START -> {
          if (touchesDevice(event.address())) {
            inFlight = true;
            relevant = true;
            note = "the device owns the buffer from now on";
          }
        }
        case DMA_BURST -> {
          if (touchesDevice(event.address())) {
            relevant = true;
            deviceLanded = true;
            note = "the device's bytes land in memory";
          }
        }
        case DMA_COMPLETE -> {
          if (touchesDevice(event.address())) {
            inFlight = false;
            relevant = true;
          }
        }
        case FILL, SPECULATIVE_FILL -> {
          if (onWatchedLine) {
            relevant = true;
            note = inFlight ? "<<< the line comes back into the cache while the device owns the buffer"
                : "the line is in the cache";
          }
        }
        case WRITE_BACK -> {
          if (onWatchedLine) {
            relevant = true;
            note = deviceLanded ? "<<< DAMAGE: stale bytes written back over the device's data"
                : "dirty bytes reach memory";
          }
        }
        case MAINTENANCE -> {
          if (onWatchedLine) {
            relevant = true;
            note = event.detail().contains("DISCARDED") ? "<<< DAMAGE: dirty CPU data discarded, a CPU write is lost"
                : "";
          }
        }
        case EVICTION, SNOOP, CPU_STORE -> relevant = onWatchedLine;
        case CPU_LOAD -> {
          if (overlapsDevice(event.address(), event.bytes().length() / 2) && deviceLanded && !inFlight) {
            relevant = true;
            note = "the CPU reads the buffer";
          } else {
            relevant = onWatchedLine;
          }
        }
        default -> {
          // attribute changes are shown in full timelines only
        }
      }
      if (!watchedOnly || relevant) {
        lines.add(event.format() + (note.isEmpty() ? "" : "   " + note));
      }
    }
    return lines;
  }

  private boolean touchesDevice(long address) {
    return address >= deviceStart && address < deviceEnd;
  }

  private boolean overlapsDevice(long address, int length) {
    return address < deviceEnd && deviceStart < address + Math.max(length, 1);
  }
}
