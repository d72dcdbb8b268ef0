package org.dmasim.samples.report;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.CostSummary;
import org.dmasim.samples.compare.FailureExample;
import org.dmasim.samples.drivers.Outcome;

/**
 * One self-contained HTML page: inline CSS, no scripts, nothing fetched. The matrix is
 * colour-coded (green OK, pale green acceptable failures, amber interesting, red forbidden),
 * each failing cell linking to its failure further down; then the cost tables, the debug
 * findings, and each failure: reasons, an SVG timeline ({@link TimelineSvg}) and the
 * annotated timeline text. No wall time or thread count, so one seed and configuration
 * give the same page.
 */
final class HtmlReport {
  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em; color: #222; }
      h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1em; }
      table { border-collapse: collapse; margin: 0.5em 0 1em; }
      th, td { border: 1px solid #ccc; padding: 3px 7px; vertical-align: top; }
      th { background: #f0f0f0; text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      tr.sample th { background: #e4e4ee; }
      .desc { font-weight: normal; color: #555; }
      td.ok { background: #c7e9c0; }
      td.acceptable { background: #e5f5e0; }
      td.interesting { background: #fdd49e; }
      td.forbidden { background: #fcbba1; }
      td.na { background: #eeeeee; color: #666666; }
      td.missing { background: #f7f7f7; color: #999; }
      td a { color: inherit; }
      .swatch { display: inline-block; width: 1em; height: 1em; vertical-align: middle; border: 1px solid #aaa; }
      .badge { font-size: 0.8em; padding: 1px 5px; border-radius: 3px; }
      .badge.forbidden { background: #fcbba1; } .badge.interesting { background: #fdd49e; }
      .badge.acceptable { background: #e5f5e0; }
      section.failure { border-top: 1px solid #ccc; margin-top: 1em; }
      pre { background: #f7f7f7; padding: 0.5em; overflow-x: auto; font-size: 0.85em; }
      svg.timeline { display: block; max-width: 100%; height: auto; border: 1px solid #ddd; }
      .note { color: #555; }
      """;

  private HtmlReport() {}

  static String render(ComparisonReport report) {
    ReportView view = new ReportView(report);
    Map<CellResult, Integer> ids = new IdentityHashMap<>();
    for (int i = 0; i < report.results().size(); i++) {
      ids.put(report.results().get(i), i);
    }
    boolean exhaustive = report.results().stream().anyMatch(cell -> cell.exhaustive().isPresent());
    String title = report.tool() + " " + report.version() + (exhaustive
        ? " exhaustive comparison: every schedule within the bounds"
        : " comparison: seed " + report.seed() + ", " + report.runs() + " runs per cell");
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Markup.text(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    out.append("<h1>").append(Markup.text(title)).append("</h1>\n");
    matrix(view, ids, out);
    legend(out);
    costs(view, out);
    debug(view, out);
    failures(view, ids, out);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void matrix(ReportView view, Map<CellResult, Integer> ids, StringBuilder out) {
    out.append("<h2>Matrix</h2>\n<table class=\"matrix\">\n<thead><tr><th>sample / strategy</th>");
    for (ReportView.Column column : view.columns()) {
      out.append("<th>").append(Markup.text(column.label())).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (ReportView.SampleGroup group : view.samples()) {
      out.append("<tr class=\"sample\"><th colspan=\"").append(view.columns().size() + 1).append("\">")
          .append(Markup.text(group.name()));
      if (!group.description().isEmpty()) {
        out.append(" <span class=\"desc\">").append(Markup.text(group.description())).append("</span>");
      }
      out.append("</th></tr>\n");
      for (String strategy : group.strategies()) {
        out.append("<tr><td>").append(Markup.text(strategy)).append("</td>");
        for (ReportView.Column column : view.columns()) {
          view.cell(group.name(), strategy, column).ifPresentOrElse(cell -> cell(cell, ids, out),
              () -> out.append("<td class=\"missing\">-</td>"));
        }
        out.append("</tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void cell(CellResult cell, Map<CellResult, Integer> ids, StringBuilder out) {
    String counts = Arrays.stream(Outcome.values())
        .map(outcome -> outcome.name() + " " + cell.outcomes().get(outcome)).collect(Collectors.joining(", "));
    out.append("<td class=\"").append(cssClass(cell)).append("\" title=\"")
        .append(Markup.attribute(cell.notApplicable().orElse(counts + " of " + cell.runs() + " runs; "
            + cell.expectation()))).append("\">");
    String lines = TextReport.observation(cell).stream().map(String::strip).map(Markup::text)
        .collect(Collectors.joining("<br>"));
    if (cell.failure().isPresent()) {
      out.append("<a href=\"#").append(anchor(ids, cell)).append("\">").append(lines).append("</a>");
    } else {
      out.append(lines);
    }
    out.append("</td>");
  }

  private static String cssClass(CellResult cell) {
    return switch (cell.expectation()) {
      case FORBIDDEN_OBSERVED -> "forbidden";
      case INTERESTING_OBSERVED -> "interesting";
      case ACCEPTABLE -> ReportView.allOk(cell) ? "ok" : "acceptable";
      case NOT_APPLICABLE -> "na";
    };
  }

  private static String anchor(Map<CellResult, Integer> ids, CellResult cell) {
    return "cell-" + ids.get(cell);
  }

  private static void legend(StringBuilder out) {
    out.append("<p class=\"legend\">")
        .append("<span class=\"swatch\" style=\"background:#c7e9c0\"></span> every run OK &nbsp; ")
        .append("<span class=\"swatch\" style=\"background:#e5f5e0\"></span> only acceptable outcomes &nbsp; ")
        .append("<span class=\"swatch\" style=\"background:#fdd49e\"></span> ? interesting outcome observed &nbsp; ")
        .append("<span class=\"swatch\" style=\"background:#fcbba1\"></span> ! forbidden outcome observed<br>")
        .append("STALE = STALE_READ (the CPU read bytes from before the transfer), CORRUPTED = DMA_DATA_CORRUPTED ")
        .append("(stale bytes written back over the device's data), WRITE_LOST = CPU_WRITE_LOST (a CPU store to a ")
        .append("neighbouring field vanished). Always: in every run; n/N Sometimes: in n of N runs (herd's words). ")
        .append("A failing cell links to its first failing run.</p>\n");
  }

  private static void failures(ReportView view, Map<CellResult, Integer> ids, StringBuilder out) {
    out.append("<h2>Failures</h2>\n");
    out.append("<p class=\"note\">The first failing run of each cell, replayed with tracing. Timeline lanes: the ")
        .append("device's transfers (dark: the transfer into the watched line) with a tick per burst reaching the ")
        .append("watched line; CPU loads (grey) and stores (black) of the line; the line in the cache: ")
        .append("<span class=\"swatch\" style=\"background:#d9d9d9\"></span> not cached ")
        .append("<span class=\"swatch\" style=\"background:#74c476\"></span> clean ")
        .append("<span class=\"swatch\" style=\"background:#e6550d\"></span> dirty; then maintenance (purple), ")
        .append("write-backs (orange) and notes (grey). Hover a mark for its trace line.</p>\n");
    boolean any = false;
    for (ReportView.SampleGroup group : view.samples()) {
      for (CellResult cell : group.cells()) {
        if (cell.failure().isEmpty()) {
          continue;
        }
        any = true;
        failure(group, cell, cell.failure().get(), anchor(ids, cell), out);
      }
    }
    if (!any) {
      out.append("<p>No cell failed.</p>\n");
    }
  }

  private static void failure(ReportView.SampleGroup group, CellResult cell, FailureExample failure, String anchor,
      StringBuilder out) {
    out.append("<section class=\"failure\" id=\"").append(anchor).append("\">\n<h3>")
        .append(Markup.text(cell.key().sample() + " / " + cell.key().strategy() + " @ " + cell.key().architecture()
            + "/" + cell.key().profile()))
        .append(" <span class=\"badge ").append(cssClass(cell)).append("\">").append(cell.expectation())
        .append("</span></h3>\n");
    out.append(cell.exhaustive().isPresent() ? "<p>Shortest schedule" : "<p>Seed " + failure.seed())
        .append(": <strong>").append(failure.outcome()).append("</strong>");
    String grade = group.grade(failure.outcome()).map(value -> value.name().toLowerCase(Locale.ROOT))
        .orElse("");
    String description = group.describe(failure.outcome());
    if (!grade.isEmpty() || !description.isEmpty()) {
      out.append(" (").append(Markup.text(grade + (!grade.isEmpty() && !description.isEmpty() ? ": " : "")
          + description)).append(')');
    }
    out.append(". Watched line 0x").append(Long.toHexString(failure.watchedLine())).append(".</p>\n");
    if (!failure.reasons().isEmpty()) {
      out.append("<ul class=\"reasons\">\n");
      for (String reason : failure.reasons()) {
        out.append("<li>").append(Markup.text(reason)).append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append(TimelineSvg.render(failure));
    out.append("<details open><summary>Annotated timeline (").append(failure.timeline().size())
        .append(failure.timeline().size() == 1 ? " line" : " lines").append(")</summary>\n<pre>");
    for (String line : failure.timeline()) {
      out.append(Markup.text(line)).append('\n');
    }
    out.append("</pre></details>\n</section>\n");
  }

  private static void costs(ReportView view, StringBuilder out) {
    out.append("<h2>Cost per run (mean)</h2>\n");
    out.append("<p class=\"note\">cycles: simulated cycles; misses: cache misses; maint: cache maintenance ")
        .append("operations (lines); uncached: uncached accesses; pad: bytes of padding and alignment.</p>\n");
    List<String> figures = List.of("cycles", "misses", "maint", "uncached", "pad");
    for (ReportView.SampleGroup group : view.samples()) {
      out.append("<h3>").append(Markup.text(group.name())).append("</h3>\n<table class=\"cost\">\n<thead><tr>")
          .append("<th rowspan=\"2\">strategy</th>");
      for (ReportView.Column column : view.columns()) {
        out.append("<th colspan=\"").append(figures.size()).append("\">").append(Markup.text(column.label()))
            .append("</th>");
      }
      out.append("</tr>\n<tr>");
      for (int i = 0; i < view.columns().size(); i++) {
        for (String figure : figures) {
          out.append("<th>").append(figure).append("</th>");
        }
      }
      out.append("</tr></thead>\n<tbody>\n");
      for (String strategy : group.strategies()) {
        out.append("<tr><td>").append(Markup.text(strategy)).append("</td>");
        for (ReportView.Column column : view.columns()) {
          var cell = view.cell(group.name(), strategy, column);
          if (cell.isEmpty()) {
            out.append("<td class=\"missing\" colspan=\"").append(figures.size()).append("\">-</td>");
            continue;
          }
          CostSummary cost = cell.get().cost();
          for (long value : new long[] {cost.cycles(), cost.misses(), cost.maintenanceOps(), cost.uncachedAccesses(),
              cost.paddingBytes()}) {
            out.append("<td class=\"num\">").append(value).append("</td>");
          }
        }
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
  }

  private static void debug(ReportView view, StringBuilder out) {
    out.append("<h2>Debug findings</h2>\n");
    out.append("<p class=\"note\">DMA-API debug checker findings by class, summed over each cell's runs.</p>\n");
    List<CellResult> flagged = view.samples().stream().flatMap(group -> group.cells().stream())
        .filter(ReportView::hasDebugFindings).toList();
    if (flagged.isEmpty()) {
      out.append("<p>None.</p>\n");
      return;
    }
    out.append("<table class=\"debug\">\n<thead><tr><th>sample</th><th>strategy</th><th>profile</th>")
        .append("<th>findings</th></tr></thead>\n<tbody>\n");
    for (CellResult cell : flagged) {
      out.append("<tr><td>").append(Markup.text(cell.key().sample())).append("</td><td>")
          .append(Markup.text(cell.key().strategy())).append("</td><td>")
          .append(Markup.text(cell.key().architecture() + "/" + cell.key().profile())).append("</td><td>")
          .append(ReportView.debugFindings(cell, false).entrySet().stream()
              .map(entry -> Markup.text(entry.getKey()) + " " + entry.getValue()).collect(Collectors.joining("<br>")))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }
}
