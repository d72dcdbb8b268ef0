package org.dmasim.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dmasim.samples.compare.ComparisonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {
  @Test
  void parsesTheLowerCaseNames() {
    assertThat(ReportFormat.parse("text")).isEqualTo(ReportFormat.TEXT);
    assertThat(ReportFormat.parse("json")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.parse("html")).isEqualTo(ReportFormat.HTML);
    assertThat(ReportFormat.parse("junit")).isEqualTo(ReportFormat.JUNIT);
    assertThat(ReportFormat.parse("JSON")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.names()).containsExactly("text", "json", "html", "junit");
  }

  @Test
  void rejectsAnUnknownNameWithTheValidOnesAndASuggestion() {
    assertThatThrownBy(() -> ReportFormat.parse("jsno")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown report format 'jsno'. Valid formats: text, json, html, junit. Did you mean 'json'?");
    assertThatThrownBy(() -> ReportFormat.parse("yaml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'yaml'").hasMessageContaining("text, json, html, junit");
    assertThatThrownBy(() -> ReportFormat.parse(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'null'");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void renderingTwiceGivesIdenticalStrings(ReportFormat format) {
    ComparisonReport report = ReportFixtures.report();
    String first = format.render(report);
    assertThat(format.render(report)).isEqualTo(first);
    assertThat(format.render(ReportFixtures.report())).isEqualTo(first);
    assertThat(first).endsWith("\n");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void rendersAReportWithoutResults(ReportFormat format) {
    ComparisonReport empty = new ComparisonReport("dmasim", "0.1.0", 1, 200, List.of(), List.of(), 0, 1);
    assertThat(format.render(empty)).isNotBlank();
  }

  @Test
  void namesExtensions() {
    assertThat(ReportFormat.JUNIT.extension()).isEqualTo("xml");
    assertThat(ReportFormat.TEXT.cliName()).isEqualTo("text");
  }
}
