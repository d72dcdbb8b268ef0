package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmasim.samples.compare.CellKey;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.Expectation;
import org.dmasim.samples.drivers.Outcome;
import org.junit.jupiter.api.Test;

class TextReportTest {
  private final String text = ReportFormat.TEXT.render(ReportFixtures.report());
  private final List<String> lines = text.lines().toList();

  private String lineWith(String... parts) {
    return lines.stream().filter(line -> List.of(parts).stream().allMatch(line::contains)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + List.of(parts) + " in\n" + text));
  }

  private List<String> section(String start, String end) {
    int from = lines.indexOf(lines.stream().filter(line -> line.startsWith(start)).findFirst().orElseThrow());
    int to = lines.indexOf(lines.stream().filter(line -> line.startsWith(end)).findFirst().orElseThrow());
    return lines.subList(from, to);
  }

  @Test
  void headerNamesToolVersionSeedAndRuns() {
    assertThat(lines.get(0)).startsWith("dmasim 0.1.0 comparison: seed 1, 200 runs per cell");
  }

  @Test
  void wallTimeAndThreadsAreTheLastLineOnly() {
    assertThat(lines.get(lines.size() - 1)).isEqualTo("wall time 1234 ms, 8 threads");
    List<String> other = ReportFormat.TEXT.render(ReportFixtures.report(5, 1)).lines().toList();
    assertThat(other.subList(0, other.size() - 1)).isEqualTo(lines.subList(0, lines.size() - 1));
    assertThat(other.get(other.size() - 1)).isEqualTo("wall time 5 ms, 1 thread");
    assertThat(text.indexOf("1234 ms")).isEqualTo(text.lastIndexOf("1234 ms"));
  }

  @Test
  void matrixHasProfilesAsColumnsInReportOrder() {
    String header = lineWith("sample / strategy");
    assertThat(header.indexOf("x86/x86-64")).isPositive()
        .isLessThan(header.indexOf("arm-noncoherent/arm64"));
    assertThat(header.indexOf("arm-noncoherent/arm64")).isLessThan(header.indexOf("mips/mips32"));
  }

  @Test
  void matrixRowsShowTheObservationsAndMarkers() {
    String embedded = lineWith("  embedded", "! CORRUPTED 80/200 Sometimes");
    assertThat(embedded).contains("OK", "! CORRUPTED Always");
    String header = lineWith("sample / strategy");
    assertThat(embedded.indexOf("CORRUPTED 80/200")).isEqualTo(header.indexOf("arm-noncoherent/arm64"));
    assertThat(lineWith("  streaming", "? STALE 37/200 Sometimes")).contains("OK");
    assertThat(lineWith("  separate", "OK")).doesNotContain("!", "?");
    assertThat(lineWith("  coherent-alloc")).contains("OK");
    List<String> matrix = section("MATRIX", "LEGEND");
    assertThat(matrix).anyMatch(line -> line.startsWith("iostruct: a status word"));
    assertThat(matrix).anyMatch(line -> line.startsWith("netring: a descriptor ring"));
    assertThat(matrix).allMatch(line -> line.length() <= TextReport.MAX_WIDTH);
  }

  @Test
  void legendExplainsMarkersAndWords() {
    List<String> legend = section("LEGEND", "COST");
    assertThat(String.join("\n", legend)).contains("!", "FORBIDDEN_OBSERVED", "?", "INTERESTING_OBSERVED", "Always",
        "Sometimes", "STALE_READ", "DMA_DATA_CORRUPTED", "CPU_WRITE_LOST");
  }

  @Test
  void costTablesShowEveryFigure() {
    assertThat(lines).contains("COST per run (mean), each cell cycles/misses/maint/uncached/pad");
    assertThat(lineWith("  embedded", "500/2/0/0/0")).contains("1234/5/6/7/8", "900/4/6/0/8");
    assertThat(lineWith("  separate", "500/2/0/0/56")).isNotNull();
  }

  @Test
  void debugFindingsListNonZeroCountsPerCell() {
    List<String> debug = section("DEBUG FINDINGS", "FAILURES");
    assertThat(debug).contains("  embedded @ arm-noncoherent/arm64: EEXIST_OVERLAP 3, CPU_TOUCHED_DEVICE_LINE 200",
        "  embedded @ mips/mips32: CPU_TOUCHED_DEVICE_LINE 200", "netring: none");
    assertThat(String.join("\n", debug)).doesNotContain("SIZE_MISMATCH");
  }

  @Test
  void failuresShowSeedOutcomeReasonsAndTimeline() {
    assertThat(text).contains("  embedded @ arm-noncoherent/arm64: FORBIDDEN_OBSERVED !",
        "    seed 42: DMA_DATA_CORRUPTED (forbidden: memory lost the device's bytes)",
        "      - rx status: memory at 0x1000 holds \"00\" <ff> & C:\\dev\\dma\n        \tsecond line \\u0001 end",
        "    timeline (watched line 0x1000):",
        "<<< DAMAGE: stale bytes written back over the device's data",
        "    seed 99: STALE_READ (acceptable, interesting: a descriptor polled before the device's write landed)",
        "    timeline (watched line 0x1000): empty");
    assertThat(lineWith("FILL", "line 0x1000")).isEqualTo(
        "          10  FILL             0x1000 line 0x1000  from memory  [" + "00".repeat(16) + "... 64 bytes]");
    assertThat(lineWith("DMA_BURST", "0x1020")).endsWith("[" + "ff".repeat(32) + "]");
    assertThat(TextReport.abbreviateBytes("a [" + "ab".repeat(33) + "] b [" + "cd".repeat(32) + "] c"))
        .isEqualTo("a [" + "ab".repeat(16) + "... 33 bytes] b [" + "cd".repeat(32) + "] c");
    assertThat(text).doesNotContain("\u0001");
  }

  @Test
  void failuresAreLimitedPerSampleWithANoteOfTheRest() {
    ComparisonReport base = ReportFixtures.report();
    List<CellResult> cells = new ArrayList<>(base.results());
    for (String strategy : List.of("a", "b", "c")) {
      cells.add(new CellResult(new CellKey("iostruct", strategy, "x86", "x86-64"), 200,
          Map.of(Outcome.STALE_READ, 200), Expectation.FORBIDDEN_OBSERVED, ReportFixtures.debug(),
          new CostSummary(1, 1, 1, 1, 1), Optional.of(ReportFixtures.failure(5, Outcome.STALE_READ,
              List.of("stale " + strategy), List.of()))));
    }
    String many = ReportFormat.TEXT.render(new ComparisonReport("dmasim", "0.1.0", 1, 200, cells, base.samples(), 0,
        1));
    assertThat(many).contains("iostruct: 5 failing cells", "  ... 2 more failing cells of iostruct not shown: "
        + "b @ x86/x86-64; c @ x86/x86-64", "netring: 1 failing cell");
    assertThat(many).contains("  - stale a").doesNotContain("  - stale b");
    assertThat(many).containsPattern("(?m)^  a +! STALE Always");
  }

  @Test
  void longTimelinesAreCut() {
    ComparisonReport base = ReportFixtures.report();
    List<String> timeline = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      timeline.add("event " + i);
    }
    CellResult cell = base.results().get(1);
    CellResult longer = new CellResult(cell.key(), cell.runs(), cell.outcomes(), cell.expectation(), cell.debug(),
        cell.cost(), Optional.of(new org.dmasim.samples.compare.FailureExample(1, Outcome.DMA_DATA_CORRUPTED,
            List.of(), 0x1000, List.of(), timeline)));
    String cut = ReportFormat.TEXT.render(new ComparisonReport("dmasim", "0.1.0", 1, 200, List.of(longer),
        base.samples(), 0, 1));
    assertThat(cut).contains("    event 39\n", "    ... 60 more timeline lines").doesNotContain("event 40\n");
  }

  @Test
  void wideMatricesAreSplitIntoBlocks() {
    List<CellResult> cells = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      cells.add(ReportFixtures.ok(new CellKey("iostruct", "embedded", "arm-noncoherent", "profile-number-" + i), 0));
    }
    String wide = ReportFormat.TEXT.render(new ComparisonReport("dmasim", "0.1.0", 1, 200, cells, List.of(), 0, 1));
    List<String> wideLines = wide.lines().toList();
    assertThat(wideLines).allMatch(line -> line.length() <= TextReport.MAX_WIDTH);
    assertThat(wideLines.stream().filter(line -> line.startsWith("sample / strategy")).count()).isGreaterThan(1);
    for (int i = 0; i < 12; i++) {
      assertThat(wide).containsPattern("(?m)arm-noncoherent/profile-number-" + i + "( |$)");
    }
  }

  @Test
  void renderingTwiceGivesTheSameText() {
    assertThat(ReportFormat.TEXT.render(ReportFixtures.report())).isEqualTo(text);
  }
}
