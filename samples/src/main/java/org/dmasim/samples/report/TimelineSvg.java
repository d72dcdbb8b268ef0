package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dmasim.core.TraceEvent;
import org.dmasim.samples.compare.FailureExample;

/**
 * An inline SVG picture of a failure's trace: simulated time across, and lanes for the
 * device (each transfer from DMA_START to DMA_COMPLETE, a tick for each burst reaching the
 * watched cache line), the CPU (loads and stores to the watched line), the watched line's
 * state in the cache (not cached, clean or dirty), and labelled markers for maintenance and
 * write-backs of the watched line and for every note. Every mark carries its trace line as a
 * tooltip.
 *
 * <p>The line's state is read from the events: FILL and SPECULATIVE_FILL make it clean; a
 * CPU_STORE makes it dirty ("cached, written through" keeps it clean, "no-write-allocate"
 * leaves it alone); a WRITE_BACK makes a dirty line clean (the write-back that follows an
 * eviction or an invalidate leaves it uncached); EVICTION, a MAINTENANCE whose detail says
 * "dropped" and a SNOOP whose detail says "copy dropped" make it uncached. A freshly booted
 * machine's cache is empty, so the line starts uncached.
 *
 * <p>The line size is the length of the line bytes a FILL, SPECULATIVE_FILL, EVICTION or
 * WRITE_BACK event carries ({@value #DEFAULT_LINE_SIZE} when the trace has none); a burst or
 * uncached access reaches the watched line when its bytes overlap
 * {@code [watchedLine, watchedLine + lineSize)}.
 */
final class TimelineSvg {
  /** The line size assumed when no event shows one. */
  static final int DEFAULT_LINE_SIZE = 64;

  private static final int WIDTH = 960;
  private static final int LEFT = 120;
  private static final int RIGHT = 24;
  private static final int LANE_HEIGHT = 16;
  private static final int DEVICE_Y = 10;
  private static final int CPU_Y = 34;
  private static final int LINE_Y = 58;
  private static final int MARKER_TOP = 82;
  private static final int LABEL_ROWS = 4;
  private static final int LABEL_ROW_HEIGHT = 13;
  private static final double CHAR_WIDTH = 5.6;

  /** The state of the watched line in the cache. */
  enum LineState {
    /** Not in the cache. */
    INVALID("not cached", "#d9d9d9"),
    /** In the cache, matching memory. */
    CLEAN("clean", "#74c476"),
    /** In the cache, newer than memory. */
    DIRTY("dirty", "#e6550d");

    final String label;
    final String colour;

    LineState(String label, String colour) {
      this.label = label;
      this.colour = colour;
    }
  }

  /** The line held {@code state} from {@code from} to {@code to}, since {@code cause} (null at the start). */
  record Segment(long from, long to, LineState state, TraceEvent cause) {}

  /** A transfer, from its start to its completion (or the end of the trace). */
  record Transfer(TraceEvent start, long end, boolean watched, TraceEvent complete) {}

  private final FailureExample failure;
  private final List<TraceEvent> trace;
  private final long watched;
  private final int lineSize;
  private final long first;
  private final long last;

  private TimelineSvg(FailureExample failure) {
    this.failure = failure;
    this.trace = failure.trace();
    this.watched = failure.watchedLine();
    this.lineSize = lineSize(trace);
    this.first = trace.stream().mapToLong(TraceEvent::time).min().orElse(0);
    this.last = trace.stream().mapToLong(TraceEvent::time).max().orElse(0);
  }

  /** The picture, or a paragraph saying there is no trace to draw. */
  static String render(FailureExample failure) {
    if (failure.trace().isEmpty()) {
      return "<p class=\"note\">No trace was recorded for this run.</p>\n";
    }
    return new TimelineSvg(failure).svg();
  }

  /** The line size the trace shows, or {@value #DEFAULT_LINE_SIZE}. */
  static int lineSize(List<TraceEvent> trace) {
    for (TraceEvent event : trace) {
      switch (event.kind()) {
        case FILL, SPECULATIVE_FILL, EVICTION, WRITE_BACK -> {
          int bytes = event.bytes().length() / 2;
          if (bytes > 0 && Integer.bitCount(bytes) == 1) {
            return bytes;
          }
        }
        default -> {
          // other events carry part of a line or none
        }
      }
    }
    return DEFAULT_LINE_SIZE;
  }

  /** The watched line's states over the whole trace, in time order. */
  static List<Segment> states(FailureExample failure) {
    List<TraceEvent> trace = failure.trace();
    List<Segment> segments = new ArrayList<>();
    if (trace.isEmpty()) {
      return segments;
    }
    long watched = failure.watchedLine();
    long since = trace.stream().mapToLong(TraceEvent::time).min().orElse(0);
    long end = trace.stream().mapToLong(TraceEvent::time).max().orElse(0);
    LineState state = LineState.INVALID;
    TraceEvent cause = null;
    for (TraceEvent event : trace) {
      if (event.lineAddress() != watched) {
        continue;
      }
      LineState next = next(state, event);
      if (next != state) {
        if (event.time() > since) {
          segments.add(new Segment(since, event.time(), state, cause));
        }
        since = Math.max(since, event.time());
        state = next;
        cause = event;
      }
    }
    segments.add(new Segment(since, Math.max(since, end), state, cause));
    return segments;
  }

  private static LineState next(LineState state, TraceEvent event) {
    String detail = event.detail();
    return switch (event.kind()) {
      case FILL, SPECULATIVE_FILL -> LineState.CLEAN;
      case CPU_STORE -> detail.contains("no-write-allocate") ? state
          : detail.contains("written through") ? LineState.CLEAN : LineState.DIRTY;
      case WRITE_BACK -> state == LineState.DIRTY ? LineState.CLEAN : state;
      case EVICTION -> LineState.INVALID;
      case MAINTENANCE, SNOOP -> detail.contains("dropped") ? LineState.INVALID : state;
      default -> state;
    };
  }

  /** The transfers in the trace, paired start to completion by bus address. */
  List<Transfer> transfers() {
    List<Transfer> transfers = new ArrayList<>();
    List<TraceEvent> open = new ArrayList<>();
    for (TraceEvent event : trace) {
      if (event.kind() == TraceEvent.Kind.DMA_START) {
        open.add(event);
      } else if (event.kind() == TraceEvent.Kind.DMA_COMPLETE) {
        for (int i = 0; i < open.size(); i++) {
          if (open.get(i).address() == event.address()) {
            TraceEvent start = open.remove(i);
            transfers.add(new Transfer(start, event.time(), inLine(start.address(), 1), event));
            break;
          }
        }
      }
    }
    for (TraceEvent start : open) {
      transfers.add(new Transfer(start, last, inLine(start.address(), 1), null));
    }
    return transfers;
  }

  private boolean inLine(long address, int length) {
    return address != -1 && address < watched + lineSize && watched < address + Math.max(1, length);
  }

  private boolean touchesLine(TraceEvent event) {
    return event.lineAddress() == watched
        || (event.lineAddress() == -1 && inLine(event.address(), event.bytes().length() / 2));
  }

  private String svg() {
    StringBuilder out = new StringBuilder();
    int axisY = MARKER_TOP + LABEL_ROWS * LABEL_ROW_HEIGHT + 8;
    int height = axisY + 24;
    out.append("<svg class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"10\">\n");
    out.append("<title>").append(Markup.text("Timeline of seed " + failure.seed() + ": line 0x"
        + Long.toHexString(watched) + " (" + lineSize + " bytes) against the device")).append("</title>\n");
    laneLabel(out, "device", DEVICE_Y);
    laneLabel(out, "cpu", CPU_Y);
    laneLabel(out, "line 0x" + Long.toHexString(watched), LINE_Y);
    laneLabel(out, "events", MARKER_TOP + LABEL_ROW_HEIGHT - 3);
    for (int y : new int[] {DEVICE_Y, CPU_Y, LINE_Y}) {
      out.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"")
          .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(LANE_HEIGHT)
          .append("\" fill=\"#f7f7f7\"/>\n");
    }
    device(out);
    cpu(out);
    line(out);
    markers(out);
    axis(out, axisY);
    out.append("</svg>\n");
    return out.toString();
  }

  private void device(StringBuilder out) {
    for (Transfer transfer : transfers()) {
      double from = x(transfer.start().time());
      double to = x(transfer.end());
      String title = transfer.start().format().strip()
          + (transfer.complete() == null ? "\n(no completion in the trace)" : "\n" + transfer.complete().format().strip());
      out.append("<rect x=\"").append(number(from)).append("\" y=\"").append(DEVICE_Y + 3).append("\" width=\"")
          .append(number(Math.max(1, to - from))).append("\" height=\"").append(LANE_HEIGHT - 6)
          .append("\" fill=\"").append(transfer.watched() ? "#6baed6" : "#c6dbef").append("\">");
      tooltip(out, title);
      out.append("</rect>\n");
    }
    for (TraceEvent event : trace) {
      if (event.kind() == TraceEvent.Kind.DMA_BURST && touchesLine(event)) {
        tick(out, event, DEVICE_Y, "#08306b", 2);
      }
    }
  }

  private void cpu(StringBuilder out) {
    for (TraceEvent event : trace) {
      if ((event.kind() == TraceEvent.Kind.CPU_STORE || event.kind() == TraceEvent.Kind.CPU_LOAD)
          && touchesLine(event)) {
        tick(out, event, CPU_Y, event.kind() == TraceEvent.Kind.CPU_STORE ? "#252525" : "#969696", 1.5);
      }
    }
  }

  private void line(StringBuilder out) {
    for (Segment segment : states(failure)) {
      double from = x(segment.from());
      double to = x(segment.to());
      String title = segment.state().label + " from " + segment.from() + " to " + segment.to()
          + (segment.cause() == null ? " (the cache starts empty)" : "\n" + segment.cause().format().strip());
      out.append("<rect x=\"").append(number(from)).append("\" y=\"").append(LINE_Y).append("\" width=\"")
          .append(number(Math.max(1, to - from))).append("\" height=\"").append(LANE_HEIGHT)
          .append("\" fill=\"").append(segment.state().colour).append("\">");
      tooltip(out, title);
      out.append("</rect>\n");
    }
  }

  private void markers(StringBuilder out) {
    double[] rowEnds = new double[LABEL_ROWS];
    Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
    for (TraceEvent event : trace) {
      String colour;
      String label;
      switch (event.kind()) {
        case MAINTENANCE -> {
          if (event.lineAddress() != watched) {
            continue;
          }
          colour = "#6a51a3";
          int colon = event.detail().indexOf(':');
          label = colon > 0 ? event.detail().substring(0, colon) : "maintenance";
          if (event.detail().contains("DISCARDED")) {
            label += " (discard)";
          }
        }
        case WRITE_BACK -> {
          if (event.lineAddress() != watched) {
            continue;
          }
          colour = "#d94801";
          label = "write-back";
        }
        case NOTE -> {
          colour = "#525252";
          label = event.detail();
        }
        default -> {
          continue;
        }
      }
      label = shorten(label, 24);
      double x = x(event.time());
      double width = label.length() * CHAR_WIDTH + 6;
      int row = 0;
      for (int candidate = 0; candidate < LABEL_ROWS; candidate++) {
        if (rowEnds[candidate] <= x) {
          row = candidate;
          break;
        }
        if (rowEnds[candidate] < rowEnds[row]) {
          row = candidate;
        }
      }
      boolean flip = x + width > WIDTH - 2;
      rowEnds[row] = flip ? x : x + width;
      int baseline = MARKER_TOP + (row + 1) * LABEL_ROW_HEIGHT - 3;
      out.append("<g>");
      tooltip(out, event.format().strip());
      out.append("<line x1=\"").append(number(x)).append("\" y1=\"").append(DEVICE_Y).append("\" x2=\"")
          .append(number(x)).append("\" y2=\"").append(baseline).append("\" stroke=\"").append(colour)
          .append("\" stroke-width=\"1\" stroke-dasharray=\"2,2\"/>");
      out.append("<text x=\"").append(number(flip ? x - 2 : x + 2)).append("\" y=\"").append(baseline)
          .append("\" fill=\"").append(colour).append(flip ? "\" text-anchor=\"end\">" : "\">")
          .append(Markup.text(label)).append("</text></g>\n");
    }
  }

  private void axis(StringBuilder out, int axisY) {
    out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(axisY).append("\" x2=\"")
        .append(WIDTH - RIGHT).append("\" y2=\"").append(axisY).append("\" stroke=\"#000\"/>\n");
    out.append("<text x=\"4\" y=\"").append(axisY + 14).append("\">time (cycles)</text>\n");
    int ticks = last == first ? 1 : 5;
    for (int i = 0; i <= ticks; i++) {
      long time = first + (last - first) * i / ticks;
      double x = x(time);
      out.append("<line x1=\"").append(number(x)).append("\" y1=\"").append(axisY).append("\" x2=\"")
          .append(number(x)).append("\" y2=\"").append(axisY + 4).append("\" stroke=\"#000\"/>");
      out.append("<text x=\"").append(number(x)).append("\" y=\"").append(axisY + 14)
          .append("\" text-anchor=\"").append(i == 0 ? "start" : i == ticks ? "end" : "middle").append("\">")
          .append(time).append("</text>\n");
    }
  }

  private void tick(StringBuilder out, TraceEvent event, int laneY, String colour, double width) {
    double x = x(event.time());
    out.append("<line x1=\"").append(number(x)).append("\" y1=\"").append(laneY).append("\" x2=\"")
        .append(number(x)).append("\" y2=\"").append(laneY + LANE_HEIGHT).append("\" stroke=\"").append(colour)
        .append("\" stroke-width=\"").append(number(width)).append("\">");
    tooltip(out, event.format().strip());
    out.append("</line>\n");
  }

  private static void laneLabel(StringBuilder out, String label, int laneY) {
    out.append("<text x=\"4\" y=\"").append(laneY + 12).append("\">").append(Markup.text(label))
        .append("</text>\n");
  }

  private static void tooltip(StringBuilder out, String text) {
    out.append("<title>").append(Markup.text(text)).append("</title>");
  }

  private double x(long time) {
    double span = Math.max(1, last - first);
    return LEFT + (double) (time - first) * (WIDTH - LEFT - RIGHT) / span;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String shorten(String text, int max) {
    String single = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return single.length() <= max ? single : single.substring(0, max - 3) + "...";
  }
}
