package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dmasim.core.TraceEvent;
import org.dmasim.core.TraceEvent.Kind;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.catalog.StrategyInfo;
import org.dmasim.samples.compare.CellKey;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.Expectation;
import org.dmasim.samples.compare.FailureExample;
import org.dmasim.samples.drivers.Expectations;
import org.dmasim.samples.drivers.Grade;
import org.dmasim.samples.drivers.Outcome;
import org.dmasim.samples.drivers.Recorder;
import org.dmasim.samples.drivers.SampleDriver;

/** A small hand-built comparison: 2 samples, 2 strategies each, 3 profiles, three failing cells. */
final class ReportFixtures {
  static final int RUNS = 200;
  static final long WATCHED = 0x1000;
  static final String[][] PROFILES = {{"x86", "x86-64"}, {"arm-noncoherent", "arm64"}, {"mips", "mips32"}};

  /** A reason with everything a serializer must escape. */
  static final String NASTY_REASON = "rx status: memory at 0x1000 holds \"00\" <ff> & C:\\dev\\dma\n\tsecond line \u0001 end";

  private ReportFixtures() {}

  /** A driver that does nothing: the report only needs its class. */
  static final class NoopDriver implements SampleDriver {
    @Override
    public void run(Recorder recorder) {
      // nothing to do
    }
  }

  static ComparisonReport report() {
    return report(1234, 8);
  }

  static ComparisonReport report(long wallMillis, int threads) {
    List<CellResult> cells = new ArrayList<>();
    for (String strategy : List.of("embedded", "separate")) {
      for (String[] profile : PROFILES) {
        CellKey key = new CellKey("iostruct", strategy, profile[0], profile[1]);
        if (strategy.equals("embedded") && profile[1].equals("arm64")) {
          cells.add(new CellResult(key, RUNS, Map.of(Outcome.OK, 120, Outcome.DMA_DATA_CORRUPTED, 80),
              Expectation.FORBIDDEN_OBSERVED, debug("CPU_TOUCHED_DEVICE_LINE", 200L, "EEXIST_OVERLAP", 3L),
              new CostSummary(1234, 5, 6, 7, 8), Optional.of(failure(42, Outcome.DMA_DATA_CORRUPTED,
                  List.of(NASTY_REASON, "cb: the CPU read 00, the device wrote ff"), trace()))));
        } else if (strategy.equals("embedded") && profile[1].equals("mips32")) {
          cells.add(new CellResult(key, RUNS, Map.of(Outcome.DMA_DATA_CORRUPTED, RUNS),
              Expectation.FORBIDDEN_OBSERVED, debug("CPU_TOUCHED_DEVICE_LINE", 200L), new CostSummary(900, 4, 6, 0, 8),
              Optional.of(failure(7, Outcome.DMA_DATA_CORRUPTED, List.of("rx: corrupted"), List.of()))));
        } else {
          cells.add(ok(key, strategy.equals("separate") ? 56 : 0));
        }
      }
    }
    for (String strategy : List.of("coherent-alloc", "streaming")) {
      for (String[] profile : PROFILES) {
        CellKey key = new CellKey("netring", strategy, profile[0], profile[1]);
        if (strategy.equals("streaming") && profile[1].equals("mips32")) {
          cells.add(new CellResult(key, RUNS, Map.of(Outcome.OK, 163, Outcome.STALE_READ, 37),
              Expectation.INTERESTING_OBSERVED, debug(), new CostSummary(700, 3, 2, 0, 0),
              Optional.of(failure(99, Outcome.STALE_READ, List.of("desc 3: the CPU read 00, the device wrote 5a"),
                  trace()))));
        } else {
          cells.add(ok(key, 0));
        }
      }
    }
    return new ComparisonReport("dmasim", "0.1.0", 1, RUNS, cells, List.of(iostruct(), netring()), wallMillis,
        threads);
  }

  static CellResult ok(CellKey key, long padding) {
    return new CellResult(key, RUNS, Map.of(Outcome.OK, RUNS), Expectation.ACCEPTABLE, debug(),
        new CostSummary(500, 2, 0, 0, padding), Optional.empty());
  }

  static TreeMap<String, Long> debug(Object... namesAndCounts) {
    TreeMap<String, Long> debug = new TreeMap<>();
    for (int i = 0; i < namesAndCounts.length; i += 2) {
      debug.put((String) namesAndCounts[i], (Long) namesAndCounts[i + 1]);
    }
    return debug;
  }

  static FailureExample failure(long seed, Outcome outcome, List<String> reasons, List<TraceEvent> trace) {
    List<String> timeline = new ArrayList<>();
    for (TraceEvent event : trace) {
      timeline.add(event.format() + (event.kind() == Kind.WRITE_BACK && event.time() == 60
          ? "   <<< DAMAGE: stale bytes written back over the device's data" : ""));
    }
    return new FailureExample(seed, outcome, reasons, WATCHED, trace, timeline);
  }

  /** The 2002 story on a 64-byte line: cleaned and dropped, refilled speculatively during DMA, dirtied, evicted. */
  static List<TraceEvent> trace() {
    String line = "00".repeat(64);
    return List.of(
        new TraceEvent(0, Kind.NOTE, -1, -1, "", "run iostruct / embedded on arm-noncoherent/arm64, seed 42"),
        new TraceEvent(10, Kind.FILL, 0x1000, 0x1000, line, "from memory"),
        new TraceEvent(12, Kind.CPU_STORE, 0x1008, 0x1000, "01", "cached, line dirty"),
        new TraceEvent(20, Kind.MAINTENANCE, 0x1000, 0x1000, line,
            "clean+invalidate: dirty line written back, line dropped"),
        new TraceEvent(20, Kind.WRITE_BACK, 0x1000, 0x1000, line, "whole line to memory"),
        new TraceEvent(30, Kind.DMA_START, 0x1000, -1, "", "device will write 64 bytes, first burst in 10 cycles"),
        new TraceEvent(35, Kind.SPECULATIVE_FILL, 0x1000, 0x1000, line, "from memory"),
        new TraceEvent(38, Kind.CPU_STORE, 0x1010, 0x1000, "02", "cached, line dirty"),
        new TraceEvent(40, Kind.DMA_BURST, 0x1000, -1, "ff".repeat(32), "device bytes land in memory"),
        new TraceEvent(44, Kind.DMA_BURST, 0x1020, -1, "ff".repeat(32), "device bytes land in memory"),
        new TraceEvent(46, Kind.DMA_BURST, 0x2000, -1, "aa".repeat(32), "device bytes land in memory"),
        new TraceEvent(50, Kind.DMA_COMPLETE, 0x1000, -1, "", "64 bytes, completion interrupt"),
        new TraceEvent(60, Kind.EVICTION, 0x1000, 0x1000, line, "replaced, dirty"),
        new TraceEvent(60, Kind.WRITE_BACK, 0x1000, 0x1000, line, "whole line to memory"),
        new TraceEvent(70, Kind.NOTE, -1, -1, "", "driver reads <status> & \"done\""),
        new TraceEvent(72, Kind.CPU_LOAD, 0x1000, -1, "00", "uncached: straight from memory"));
  }

  static SampleInfo iostruct() {
    return new SampleInfo("iostruct", "a status word sharing a cache line with a DMA buffer", NoopDriver.class,
        Expectations.okOnly("the CPU sees the device's bytes", "the CPU read stale bytes",
            "memory lost the device's bytes", "a CPU store vanished"),
        List.of(strategy("embedded"), strategy("separate")));
  }

  static SampleInfo netring() {
    Map<Outcome, Grade> grades = new EnumMap<>(Outcome.class);
    grades.put(Outcome.OK, Grade.ACCEPTABLE);
    grades.put(Outcome.STALE_READ, Grade.ACCEPTABLE_INTERESTING);
    grades.put(Outcome.DMA_DATA_CORRUPTED, Grade.FORBIDDEN);
    grades.put(Outcome.CPU_WRITE_LOST, Grade.FORBIDDEN);
    Map<Outcome, String> descriptions = new EnumMap<>(Outcome.class);
    descriptions.put(Outcome.OK, "every descriptor read fresh");
    descriptions.put(Outcome.STALE_READ, "a descriptor polled before the device's write landed");
    descriptions.put(Outcome.DMA_DATA_CORRUPTED, "a descriptor corrupted");
    descriptions.put(Outcome.CPU_WRITE_LOST, "a CPU store vanished");
    return new SampleInfo("netring", "a descriptor ring polled by the CPU", NoopDriver.class,
        new Expectations(grades, descriptions), List.of(strategy("coherent-alloc"), strategy("streaming")));
  }

  static StrategyInfo strategy(String name) {
    return new StrategyInfo(name, "strategy " + name, false, binder -> { });
  }
}
