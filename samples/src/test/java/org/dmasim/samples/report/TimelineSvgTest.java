package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dmasim.core.TraceEvent;
import org.dmasim.samples.drivers.Outcome;
import org.dmasim.samples.report.TimelineSvg.LineState;
import org.dmasim.samples.report.TimelineSvg.Segment;
import org.junit.jupiter.api.Test;

class TimelineSvgTest {
  @Test
  void followsTheWatchedLineThroughTheStory() {
    List<Segment> states = TimelineSvg.states(ReportFixtures.failure(1, Outcome.DMA_DATA_CORRUPTED, List.of(),
        ReportFixtures.trace()));
    assertThat(states).extracting(Segment::from, Segment::to, Segment::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0L, 10L, LineState.INVALID),
        org.assertj.core.groups.Tuple.tuple(10L, 12L, LineState.CLEAN),
        org.assertj.core.groups.Tuple.tuple(12L, 20L, LineState.DIRTY),
        org.assertj.core.groups.Tuple.tuple(20L, 35L, LineState.INVALID),
        org.assertj.core.groups.Tuple.tuple(35L, 38L, LineState.CLEAN),
        org.assertj.core.groups.Tuple.tuple(38L, 60L, LineState.DIRTY),
        org.assertj.core.groups.Tuple.tuple(60L, 72L, LineState.INVALID));
  }

  @Test
  void cleanKeepsTheLineAndWriteThroughStoresStayClean() {
    List<TraceEvent> trace = List.of(
        new TraceEvent(0, TraceEvent.Kind.FILL, 0x40, 0x40, "00".repeat(32), "from memory"),
        new TraceEvent(5, TraceEvent.Kind.CPU_STORE, 0x44, 0x40, "01", "cached, line dirty"),
        new TraceEvent(9, TraceEvent.Kind.MAINTENANCE, 0x40, 0x40, "", "clean: dirty line written back"),
        new TraceEvent(9, TraceEvent.Kind.WRITE_BACK, 0x40, 0x40, "00".repeat(32), "whole line to memory"),
        new TraceEvent(12, TraceEvent.Kind.CPU_STORE, 0x44, 0x40, "01", "cached, written through"),
        new TraceEvent(15, TraceEvent.Kind.SNOOP, 0x40, 0x40, "", "device write: clean, copy dropped"),
        new TraceEvent(18, TraceEvent.Kind.CPU_STORE, 0x44, 0x40, "01", "no-write-allocate: to memory"));
    var failure = new org.dmasim.samples.compare.FailureExample(1, Outcome.STALE_READ, List.of(), 0x40, trace,
        List.of());
    assertThat(TimelineSvg.states(failure)).extracting(Segment::state).containsExactly(LineState.CLEAN,
        LineState.DIRTY, LineState.CLEAN, LineState.INVALID);
    assertThat(TimelineSvg.lineSize(trace)).isEqualTo(32);
    assertThat(TimelineSvg.lineSize(List.of())).isEqualTo(TimelineSvg.DEFAULT_LINE_SIZE);
  }
}
