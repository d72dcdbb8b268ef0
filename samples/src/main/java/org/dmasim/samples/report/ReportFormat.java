package org.dmasim.samples.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dmasim.core.Names;
import org.dmasim.samples.compare.ComparisonReport;

/**
 * The formats a comparison report can be rendered in. Every format gives the same characters
 * for the same seed and configuration, except that {@link #TEXT} ends with one line giving
 * the wall time and thread count, which vary from run to run.
 */
public enum ReportFormat {
  /**
   * For a terminal: the matrix of outcomes (sample and strategy against architecture/profile),
   * a legend, cost tables, debug findings and the first few failure examples of each sample;
   * the wall time and thread count alone on the last line.
   */
  TEXT("txt") {
    @Override
    public String render(ComparisonReport report) {
      return TextReport.render(report);
    }
  },
  /**
   * A stable contract for tools: {@code tool}, {@code version}, {@code seed}, {@code runs} and
   * per cell {@code sample}, {@code strategy}, {@code arch}, {@code profile}, {@code outcomes},
   * {@code expectation}, {@code debug}, {@code cost}, then {@code frequencies} and, for a cell
   * that failed, {@code failure}.
   */
  JSON("json") {
    @Override
    public String render(ComparisonReport report) {
      return JsonReport.render(report);
    }
  },
  /** One self-contained page with the colour-coded matrix, costs, debug findings and a timeline per failure. */
  HTML("html") {
    @Override
    public String render(ComparisonReport report) {
      return HtmlReport.render(report);
    }
  },
  /** JUnit XML for CI: a test case per cell, failing when the cell observed a forbidden outcome. */
  JUNIT("xml") {
    @Override
    public String render(ComparisonReport report) {
      return JunitReport.render(report);
    }
  };

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  /** The report as this format renders it. */
  public abstract String render(ComparisonReport report);

  /** The name the command line and configuration use: text, json, html, junit. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The usual file name extension, without the dot: txt, json, html, xml. */
  public String extension() {
    return extension;
  }

  /** The valid names, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(ReportFormat::cliName).toList();
  }

  /** The format whose usual extension {@code fileName} has (.txt, .json, .html, .xml), or null. */
  public static ReportFormat ofFileName(String fileName) {
    for (ReportFormat format : values()) {
      if (fileName.toLowerCase(Locale.ROOT).endsWith("." + format.extension)) {
        return format;
      }
    }
    return null;
  }

  /** The format called {@code name} (text, json, html or junit; case is ignored), or an error naming the valid ones. */
  public static ReportFormat parse(String name) {
    if (name != null) {
      for (ReportFormat format : values()) {
        if (format.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
    }
    throw new IllegalArgumentException("Unknown report format '" + name + "'. Valid formats: "
        + String.join(", ", names()) + "." + (name == null ? "" : Names.didYouMean(name.trim(), names())));
  }
}
