package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmasim.samples.compare.ComparisonReport;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*?)(/?)>");
  private static final Set<String> VOID = Set.of("br", "meta", "hr", "img", "input", "link", "wbr");

  private final String html = ReportFormat.HTML.render(ReportFixtures.report());

  @Test
  void isOneSelfContainedPage() {
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
    assertThat(html).contains("<meta charset=\"utf-8\">", "<style>", "<svg");
    assertThat(html.toLowerCase()).doesNotContain("<script", "http://", "https://", "src=", "<link", "@import",
        "url(");
  }

  @Test
  void tagsAreBalanced() {
    Deque<String> open = new ArrayDeque<>();
    Matcher matcher = TAG.matcher(html);
    while (matcher.find()) {
      String name = matcher.group(2).toLowerCase();
      boolean closing = !matcher.group(1).isEmpty();
      boolean selfClosing = !matcher.group(4).isEmpty();
      if (VOID.contains(name) || selfClosing) {
        continue;
      }
      if (closing) {
        assertThat(open).as("closing </%s> at %d", name, matcher.start()).isNotEmpty();
        assertThat(open.pop()).as("closing </%s> at %d", name, matcher.start()).isEqualTo(name);
      } else {
        open.push(name);
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void escapesModelText() {
    assertThat(html).contains("holds \"00\" &lt;ff&gt; &amp; C:\\dev\\dma", "driver reads &lt;status&gt; &amp;")
        .doesNotContain("<ff>", "<status>", "\u0001");
  }

  @Test
  void matrixIsColourCoded() {
    assertThat(html).contains("<td class=\"forbidden\"", "<td class=\"interesting\"", "<td class=\"ok\"");
    assertThat(html).containsPattern("<td class=\"forbidden\"[^>]*><a href=\"#cell-1\">! CORRUPTED 80/200 Sometimes</a>");
    assertThat(html).contains("<section class=\"failure\" id=\"cell-1\">", "<section class=\"failure\" id=\"cell-2\">",
        "<section class=\"failure\" id=\"cell-11\">");
    assertThat(html).contains("<th>arm-noncoherent/arm64</th>");
  }

  @Test
  void showsCostsDebugAndFailures() {
    assertThat(html).contains("<h2>Cost per run (mean)</h2>", "<td class=\"num\">1234</td>",
        "<h2>Debug findings</h2>", "EEXIST_OVERLAP 3<br>CPU_TOUCHED_DEVICE_LINE 200",
        "Seed 42: <strong>DMA_DATA_CORRUPTED</strong>", "No trace was recorded for this run.",
        "&lt;&lt;&lt; DAMAGE: stale bytes written back");
  }

  @Test
  void timelineDrawsStatesBurstsAndMarkers() {
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(svg).contains("fill=\"#e6550d\"", "fill=\"#74c476\"", "fill=\"#d9d9d9\"", ">write-back</text>",
        ">clean+invalidate</text>", "stroke=\"#08306b\"");
    assertThat(svg.split("stroke=\"#08306b\"", -1)).hasSize(3);
    assertThat(svg).doesNotContain("xmlns");
  }

  @Test
  void hasNoWallTimeAndIsDeterministic() {
    ComparisonReport other = ReportFixtures.report(98765, 3);
    assertThat(ReportFormat.HTML.render(other)).isEqualTo(html);
    assertThat(html).doesNotContain("1234 ms");
  }

  @Test
  void reportWithoutResultsRenders() {
    String empty = ReportFormat.HTML.render(new ComparisonReport("dmasim", "0.1.0", 1, 200, List.of(), List.of(), 0,
        1));
    assertThat(empty).contains("No cell failed.", "None.");
  }
}
