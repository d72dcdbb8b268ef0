package org.dmasim.samples.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.Expectation;
import org.dmasim.samples.compare.FailureExample;
import org.dmasim.samples.drivers.Grade;
import org.dmasim.samples.drivers.Outcome;

/**
 * JUnit XML for CI: a {@code testsuites} element holding one {@code testsuite} named
 * {@code dmasim.<sample>} per sample, one {@code testcase} per cell with classname
 * {@code dmasim.<sample>.<strategy>} and name {@code <arch>/<profile>}. A cell that observed a
 * forbidden outcome fails, its message (one line) naming the forbidden outcomes with their
 * counts and the first failure's reasons, its text the whole story with the annotated timeline. A cell that
 * observed an interesting outcome, or had debug findings, tells them in {@code system-out}.
 * No times: one seed and configuration give the same document.
 */
final class JunitReport {
  private JunitReport() {}

  static String render(ComparisonReport report) {
    ReportView view = new ReportView(report);
    StringBuilder out = new StringBuilder();
    long tests = report.results().size();
    long failures = report.results().stream().filter(JunitReport::fails).count();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"").append(Markup.attribute(report.tool())).append("\" tests=\"").append(tests)
        .append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
    for (ReportView.SampleGroup group : view.samples()) {
      long suiteFailures = group.cells().stream().filter(JunitReport::fails).count();
      out.append("  <testsuite name=\"").append(Markup.attribute(report.tool() + "." + group.name()))
          .append("\" tests=\"").append(group.cells().size()).append("\" failures=\"").append(suiteFailures)
          .append("\" errors=\"0\" skipped=\"")
          .append(group.cells().stream().filter(cell -> cell.notApplicable().isPresent()).count()).append("\">\n");
      out.append("    <properties>\n");
      property(out, "tool", report.tool());
      property(out, "version", report.version());
      property(out, "seed", Long.toString(report.seed()));
      property(out, "runs", Integer.toString(report.runs()));
      if (!group.description().isEmpty()) {
        property(out, "description", group.description());
      }
      out.append("    </properties>\n");
      for (CellResult cell : group.cells()) {
        testcase(report, group, cell, out);
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
    return out.toString();
  }

  private static boolean fails(CellResult cell) {
    return cell.expectation() == Expectation.FORBIDDEN_OBSERVED;
  }

  private static void property(StringBuilder out, String name, String value) {
    out.append("      <property name=\"").append(Markup.attribute(name)).append("\" value=\"")
        .append(Markup.attribute(String.valueOf(value))).append("\"/>\n");
  }

  private static void testcase(ComparisonReport report, ReportView.SampleGroup group, CellResult cell,
      StringBuilder out) {
    out.append("    <testcase classname=\"")
        .append(Markup.attribute(report.tool() + "." + cell.key().sample() + "." + cell.key().strategy()))
        .append("\" name=\"").append(Markup.attribute(cell.key().architecture() + "/" + cell.key().profile()))
        .append('"');
    if (cell.notApplicable().isPresent()) {
      out.append(">\n      <skipped message=\"").append(Markup.attribute(cell.notApplicable().get()))
          .append("\"/>\n    </testcase>\n");
      return;
    }
    boolean interesting = cell.expectation() == Expectation.INTERESTING_OBSERVED;
    boolean debug = ReportView.hasDebugFindings(cell);
    if (!fails(cell) && !interesting && !debug) {
      out.append("/>\n");
      return;
    }
    out.append(">\n");
    if (fails(cell)) {
      String message = "forbidden outcomes observed: " + counted(ReportView.seenWithGrade(group, cell, Grade.FORBIDDEN),
          cell) + cell.failure().map(failure -> (cell.exhaustive().isPresent() ? "; shortest schedule"
              : "; first failure, seed " + failure.seed()) + ": " + String.join("; ", failure.reasons())).orElse("");
      out.append("      <failure type=\"FORBIDDEN_OBSERVED\" message=\"")
          .append(Markup.attribute(message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')))
          .append("\">").append(Markup.text(story(cell))).append("</failure>\n");
    } else if (interesting) {
      out.append("      <system-out>").append(Markup.text("interesting outcomes observed: "
          + counted(ReportView.seenWithGrade(group, cell, Grade.ACCEPTABLE_INTERESTING), cell) + "\n" + story(cell)))
          .append("</system-out>\n");
    } else {
      out.append("      <system-out>").append(Markup.text(story(cell))).append("</system-out>\n");
    }
    out.append("    </testcase>\n");
  }

  /** {@code NAME count/runs (Frequency)}, joined. */
  private static String counted(List<Outcome> outcomes, CellResult cell) {
    return outcomes.stream().map(outcome -> outcome.name() + " " + cell.outcomes().get(outcome) + "/" + cell.runs()
        + " (" + cell.frequency(outcome).label() + ")").collect(Collectors.joining(", "));
  }

  /** Every outcome count, the debug findings and the first failure with its timeline. */
  private static String story(CellResult cell) {
    StringBuilder text = new StringBuilder();
    text.append(cell.key()).append(": ").append(cell.expectation()).append('\n');
    text.append("outcomes of ").append(cell.runs()).append(" runs: ").append(Arrays.stream(Outcome.values())
        .map(outcome -> outcome.name() + " " + cell.outcomes().get(outcome)).collect(Collectors.joining(", ")))
        .append('\n');
    Map<String, Long> findings = ReportView.debugFindings(cell, false);
    if (!findings.isEmpty()) {
      text.append("debug findings: ").append(findings.entrySet().stream()
          .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "))).append('\n');
    }
    if (cell.failure().isPresent()) {
      FailureExample failure = cell.failure().get();
      text.append(cell.exhaustive().isPresent() ? "shortest schedule: "
          : "first failure: seed " + failure.seed() + ", ").append(failure.outcome()).append('\n');
      for (String reason : failure.reasons()) {
        text.append("  - ").append(reason).append('\n');
      }
      text.append("timeline (watched line 0x").append(Long.toHexString(failure.watchedLine())).append("):\n");
      for (String line : failure.timeline()) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }
}
