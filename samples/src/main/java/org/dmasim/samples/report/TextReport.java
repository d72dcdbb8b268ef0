package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.ExhaustiveCell;
import org.dmasim.samples.compare.Expectation;
import org.dmasim.samples.compare.FailureExample;
import org.dmasim.samples.drivers.Grade;
import org.dmasim.samples.drivers.Outcome;

/**
 * The terminal report: header, matrix, legend, costs, debug findings, failure examples, and
 * the wall time and thread count alone on the last line, so two reports of one seed and
 * configuration differ at most in that line.
 */
final class TextReport {
  /** Tables wider than this split their columns into blocks. */
  static final int MAX_WIDTH = 120;
  /** Failure examples shown per sample; the rest are counted. */
  static final int FAILURES_PER_SAMPLE = 3;
  /** Timeline lines shown per failure example; the rest are counted. */
  static final int TIMELINE_LINES = 40;

  /** Bytes shown of a long run of bytes in a timeline line. */
  static final int BYTES_SHOWN = 16;
  /** Runs of bytes longer than this are cut to {@link #BYTES_SHOWN}. */
  static final int BYTES_KEPT_WHOLE = 32;

  private static final Pattern LONG_BYTES =
      Pattern.compile("\\[((?:[0-9a-f]{2}){" + (BYTES_KEPT_WHOLE + 1) + ",})\\]");

  private TextReport() {}

  static String render(ComparisonReport report) {
    ReportView view = new ReportView(report);
    StringBuilder out = new StringBuilder();
    int cells = report.results().size();
    Optional<ExhaustiveCell> exhaustive = report.results().stream().map(CellResult::exhaustive)
        .flatMap(Optional::stream).findFirst();
    out.append(clean(report.tool())).append(' ').append(clean(report.version()));
    if (exhaustive.isPresent()) {
      out.append(" exhaustive comparison: every schedule within the bounds, ");
    } else {
      out.append(" comparison: seed ").append(report.seed()).append(", ").append(report.runs())
          .append(" runs per cell, ");
    }
    out.append(view.samples().size()).append(view.samples().size() == 1 ? " sample, " : " samples, ")
        .append(view.columns().size()).append(view.columns().size() == 1 ? " profile, " : " profiles, ")
        .append(cells).append(cells == 1 ? " cell" : " cells").append('\n');
    exhaustive.ifPresent(first -> out.append("bounds: ").append(clean(first.bounds())).append('\n')
        .append("reductions: ").append(clean(String.join("; ", first.reductions()))).append('\n'));
    out.append('\n');
    matrix(view, out);
    out.append('\n');
    legend(out);
    out.append('\n');
    if (exhaustive.isPresent()) {
      explored(view, out);
      out.append('\n');
    }
    costs(view, out);
    out.append('\n');
    debug(view, out);
    out.append('\n');
    failures(view, out);
    out.append('\n');
    out.append("wall time ").append(report.wallMillis()).append(" ms, ").append(report.threads())
        .append(report.threads() == 1 ? " thread" : " threads").append('\n');
    return out.toString();
  }

  private static void matrix(ReportView view, StringBuilder out) {
    boolean exhaustive = view.report().results().stream().anyMatch(cell -> cell.exhaustive().isPresent());
    boolean incomplete = view.report().results().stream()
        .anyMatch(cell -> cell.exhaustive().map(found -> !found.complete()).orElse(false));
    out.append(exhaustive
        ? "MATRIX: what each cell's schedules end with, proven within the bounds (! forbidden reachable,"
            + " ? interesting reachable)" + (incomplete ? "; a cell marked (incomplete) hit the run limit, so its"
            + " Never and Always are no proofs, only what the runs explored showed" : "") + "\n\n"
        : "MATRIX: what each cell's runs ended with (! forbidden observed, ? interesting observed)\n\n");
    TextTable table = new TextTable("sample / strategy", labels(view, "  "));
    for (ReportView.SampleGroup group : view.samples()) {
      table.heading(heading(group));
      for (String strategy : group.strategies()) {
        List<List<String>> row = new ArrayList<>();
        for (ReportView.Column column : view.columns()) {
          row.add(view.cell(group.name(), strategy, column).map(TextReport::observation).orElse(List.of("  -")));
        }
        table.row("  " + clean(strategy), row);
      }
    }
    out.append(table.render(MAX_WIDTH));
  }

  /** The cell's lines: OK, or each failure seen with its count and frequency; a marker first. */
  static List<String> observation(CellResult cell) {
    String marker = switch (cell.expectation()) {
      case FORBIDDEN_OBSERVED -> "! ";
      case INTERESTING_OBSERVED -> "? ";
      case ACCEPTABLE -> "  ";
      case NOT_APPLICABLE -> "- ";
    };
    if (cell.notApplicable().isPresent()) {
      return List.of(marker + "n/a");
    }
    if (cell.runs() == 0) {
      return List.of(marker + "no runs");
    }
    String incomplete = cell.exhaustive().map(found -> found.complete() ? "" : " (incomplete)").orElse("");
    if (ReportView.allOk(cell)) {
      return List.of(marker + "OK" + incomplete);
    }
    List<String> lines = new ArrayList<>();
    for (Outcome outcome : ReportView.failuresSeen(cell)) {
      String name = ReportView.shortName(outcome);
      lines.add((lines.isEmpty() ? marker : "  ") + (cell.exhaustive().isPresent()
          ? name + " " + cell.frequency(outcome).label() + incomplete
          : ReportView.observation(name, cell, outcome)));
    }
    return lines;
  }

  /** Per explored cell: executions explored to the end and distinct states. */
  private static void explored(ReportView view, StringBuilder out) {
    out.append("EXPLORED per cell: executions explored to the end / distinct states\n");
    for (ReportView.SampleGroup group : view.samples()) {
      out.append('\n');
      TextTable table = new TextTable(clean(group.name()), labels(view, ""));
      for (String strategy : group.strategies()) {
        List<List<String>> row = new ArrayList<>();
        for (ReportView.Column column : view.columns()) {
          row.add(List.of(view.cell(group.name(), strategy, column)
              .filter(cell -> cell.notApplicable().isEmpty()).flatMap(CellResult::exhaustive)
              .map(found -> found.executions() + "/" + found.states()).orElse("-")));
        }
        table.row("  " + clean(strategy), row);
      }
      out.append(table.render(MAX_WIDTH));
    }
  }

  private static void legend(StringBuilder out) {
    out.append("LEGEND\n");
    String[][] entries = {
        {"OK", "every run ended OK: the CPU read the device's bytes and kept its stores"},
        {"STALE", "STALE_READ: the CPU read bytes from before the transfer"},
        {"CORRUPTED", "DMA_DATA_CORRUPTED: stale bytes were written back over the device's data"},
        {"WRITE_LOST", "CPU_WRITE_LOST: a CPU store to a neighbouring field vanished"},
        {"Always", "in every run of the cell (herd's words)"},
        {"n/N Sometimes", "in n of the cell's N runs"},
        {"!", "FORBIDDEN_OBSERVED: an outcome the sample forbids was seen"},
        {"?", "INTERESTING_OBSERVED: an acceptable but interesting outcome was seen, nothing forbidden"},
        {"-", "not run"},
        {"exhaustive", "with --exhaustive: Never/Sometimes/Always over every schedule within the bounds, a proof"},
        {"", "within them; a failure's example is its shortest schedule (fewest non-quiet answers)"},
        {"cost", "mean per run: cycles/misses/maint/uncached/pad = simulated cycles / cache misses /"},
        {"", "cache maintenance operations (lines) / uncached accesses / bytes of padding and alignment"},
        {"debug", "DMA-API debug findings by class, summed over the cell's runs"},
    };
    for (String[] entry : entries) {
      out.append(String.format("  %-14s %s", entry[0], entry[1]).stripTrailing()).append('\n');
    }
  }

  private static void costs(ReportView view, StringBuilder out) {
    out.append("COST per run (mean), each cell cycles/misses/maint/uncached/pad\n");
    for (ReportView.SampleGroup group : view.samples()) {
      out.append('\n');
      TextTable table = new TextTable(clean(group.name()), labels(view, ""));
      for (String strategy : group.strategies()) {
        List<List<String>> row = new ArrayList<>();
        for (ReportView.Column column : view.columns()) {
          row.add(List.of(view.cell(group.name(), strategy, column).map(cell -> cost(cell.cost())).orElse("-")));
        }
        table.row("  " + clean(strategy), row);
      }
      out.append(table.render(MAX_WIDTH));
    }
  }

  static String cost(CostSummary cost) {
    return cost.cycles() + "/" + cost.misses() + "/" + cost.maintenanceOps() + "/" + cost.uncachedAccesses() + "/"
        + cost.paddingBytes();
  }

  private static void debug(ReportView view, StringBuilder out) {
    out.append("DEBUG FINDINGS (DMA-API debug checker, summed over each cell's runs)\n");
    for (ReportView.SampleGroup group : view.samples()) {
      List<CellResult> flagged = group.cells().stream().filter(ReportView::hasDebugFindings).toList();
      if (flagged.isEmpty()) {
        out.append(clean(group.name())).append(": none\n");
        continue;
      }
      out.append(clean(group.name())).append('\n');
      for (CellResult cell : flagged) {
        String findings = ReportView.debugFindings(cell, false).entrySet().stream()
            .map(entry -> clean(entry.getKey()) + " " + entry.getValue()).collect(Collectors.joining(", "));
        out.append("  ").append(where(cell)).append(": ").append(findings).append('\n');
      }
    }
  }

  private static void failures(ReportView view, StringBuilder out) {
    boolean exhaustive = view.report().results().stream().anyMatch(cell -> cell.exhaustive().isPresent());
    out.append(exhaustive
        ? "FAILURES (the shortest schedule to each cell's most telling failure, replayed with tracing;"
            + " forbidden first)\n"
        : "FAILURES (the first failing run of each cell, replayed with tracing; forbidden first)\n");
    for (ReportView.SampleGroup group : view.samples()) {
      List<CellResult> failing = failing(group);
      if (failing.isEmpty()) {
        out.append(clean(group.name())).append(": none\n");
        continue;
      }
      out.append(clean(group.name())).append(": ").append(failing.size())
          .append(failing.size() == 1 ? " failing cell\n" : " failing cells\n");
      int shown = Math.min(FAILURES_PER_SAMPLE, failing.size());
      for (CellResult cell : failing.subList(0, shown)) {
        example(group, cell, cell.failure().orElseThrow(), out);
      }
      if (failing.size() > shown) {
        int more = failing.size() - shown;
        out.append("  ... ").append(more).append(more == 1 ? " more failing cell" : " more failing cells")
            .append(" of ").append(clean(group.name())).append(" not shown: ")
            .append(failing.subList(shown, failing.size()).stream().map(TextReport::where)
                .collect(Collectors.joining("; ")))
            .append(" (the json and html reports show every one)\n");
      }
    }
  }

  /** The sample's cells with a failure example: forbidden first, then interesting, then the rest, each in report order. */
  static List<CellResult> failing(ReportView.SampleGroup group) {
    return group.cells().stream().filter(cell -> cell.failure().isPresent())
        .sorted(Comparator.comparingInt(TextReport::priority)).toList();
  }

  private static int priority(CellResult cell) {
    return switch (cell.expectation()) {
      case FORBIDDEN_OBSERVED -> 0;
      case INTERESTING_OBSERVED -> 1;
      case ACCEPTABLE -> 2;
      case NOT_APPLICABLE -> 3;
    };
  }

  private static void example(ReportView.SampleGroup group, CellResult cell, FailureExample failure,
      StringBuilder out) {
    out.append("  ").append(where(cell)).append(": ").append(cell.expectation())
        .append(cell.expectation() == Expectation.FORBIDDEN_OBSERVED ? " !"
            : cell.expectation() == Expectation.INTERESTING_OBSERVED ? " ?" : "")
        .append('\n');
    Optional<ExhaustiveCell.Shortest> shortest = cell.exhaustive()
        .flatMap(found -> Optional.ofNullable(found.shortest().get(failure.outcome())));
    if (shortest.isPresent()) {
      out.append("    shortest schedule (").append(shortest.get().nonQuiet()).append(" non-quiet of ")
          .append(shortest.get().choices()).append(" choices): ").append(failure.outcome());
    } else {
      out.append("    seed ").append(failure.seed()).append(": ").append(failure.outcome());
    }
    String grade = group.grade(failure.outcome()).map(TextReport::gradeWord).orElse("");
    String description = group.describe(failure.outcome());
    if (!grade.isEmpty() || !description.isEmpty()) {
      out.append(" (").append(grade).append(!grade.isEmpty() && !description.isEmpty() ? ": " : "")
          .append(clean(description)).append(')');
    }
    out.append('\n');
    if (shortest.isPresent()) {
      for (String step : shortest.get().steps()) {
        out.append("      ").append(clean(step)).append('\n');
      }
    }
    if (!failure.reasons().isEmpty()) {
      out.append("    why:\n");
      for (String reason : failure.reasons()) {
        out.append("      - ").append(block(reason).replace("\n", "\n        ")).append('\n');
      }
    }
    List<String> timeline = failure.timeline();
    out.append("    timeline (watched line 0x").append(Long.toHexString(failure.watchedLine())).append(")")
        .append(timeline.isEmpty() ? ": empty\n" : ":\n");
    int shown = Math.min(TIMELINE_LINES, timeline.size());
    for (String line : timeline.subList(0, shown)) {
      out.append("    ").append(abbreviateBytes(block(line)).replace("\n", "\n    ")).append('\n');
    }
    if (timeline.size() > shown) {
      out.append("    ... ").append(timeline.size() - shown).append(" more timeline lines (the html report shows all)\n");
    }
  }

  /**
   * The line with each run of more than {@value #BYTES_KEPT_WHOLE} bytes in brackets (a whole
   * cache line, say) cut to its first {@value #BYTES_SHOWN} bytes and its length: the HTML and
   * JUnit reports keep them whole.
   */
  static String abbreviateBytes(String line) {
    Matcher matcher = LONG_BYTES.matcher(line);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String hex = matcher.group(1);
      matcher.appendReplacement(out, Matcher.quoteReplacement(
          "[" + hex.substring(0, 2 * BYTES_SHOWN) + "... " + hex.length() / 2 + " bytes]"));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String gradeWord(Grade grade) {
    return switch (grade) {
      case ACCEPTABLE -> "acceptable";
      case ACCEPTABLE_INTERESTING -> "acceptable, interesting";
      case FORBIDDEN -> "forbidden";
    };
  }

  private static String heading(ReportView.SampleGroup group) {
    String heading = group.description().isEmpty() ? clean(group.name())
        : clean(group.name()) + ": " + clean(group.description());
    return heading.length() <= MAX_WIDTH ? heading : heading.substring(0, MAX_WIDTH - 3) + "...";
  }

  /** {@code strategy @ arch/profile}. */
  private static String where(CellResult cell) {
    return clean(cell.key().strategy()) + " @ " + clean(cell.key().architecture()) + "/"
        + clean(cell.key().profile());
  }

  private static List<String> labels(ReportView view, String indent) {
    return view.columns().stream().map(column -> indent + clean(column.label())).toList();
  }

  /** {@code text} on one terminal line. */
  private static String clean(String text) {
    return block(text).replace('\n', ' ').replace('\t', ' ');
  }

  /** {@code text} safe for a terminal, its line breaks kept. */
  private static String block(String text) {
    return text == null ? "null" : Markup.plain(text);
  }
}
