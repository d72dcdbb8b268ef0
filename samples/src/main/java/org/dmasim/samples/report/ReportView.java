package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmasim.driver.api.FindingClass;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.ComparisonReport;
import org.dmasim.samples.compare.Frequency;
import org.dmasim.samples.drivers.Grade;
import org.dmasim.samples.drivers.Outcome;

/**
 * A report arranged the way every renderer shows it: samples in report order, each with its
 * strategies (rows) in report order, against the {@code arch/profile} columns in report order.
 */
final class ReportView {
  /** One column of the matrix: an architecture's profile. */
  record Column(String architecture, String profile) {
    /** {@code arch/profile}. */
    String label() {
      return architecture + "/" + profile;
    }
  }

  /** One sample's rows: its declaration when the report carries it, strategies and cells. */
  record SampleGroup(String name, Optional<SampleInfo> info, List<String> strategies, List<CellResult> cells) {
    /** The sample's one-line description, or the empty string. */
    String description() {
      return info.map(SampleInfo::description).orElse("");
    }

    /** How the sample grades {@code outcome}, when the report declares the sample. */
    Optional<Grade> grade(Outcome outcome) {
      return info.map(sample -> sample.expectations().grade(outcome));
    }

    /** How the sample describes {@code outcome}, or the empty string. */
    String describe(Outcome outcome) {
      return info.map(sample -> sample.expectations().descriptions().getOrDefault(outcome, "")).orElse("");
    }
  }

  private final ComparisonReport report;
  private final List<Column> columns;
  private final List<SampleGroup> samples;
  private final Map<String, CellResult> cells = new LinkedHashMap<>();

  ReportView(ComparisonReport report) {
    this.report = report;
    Map<String, SampleInfo> declared = new LinkedHashMap<>();
    for (SampleInfo sample : report.samples()) {
      declared.putIfAbsent(sample.name(), sample);
    }
    List<Column> seenColumns = new ArrayList<>();
    Map<String, List<String>> strategies = new LinkedHashMap<>();
    Map<String, List<CellResult>> bySample = new LinkedHashMap<>();
    for (CellResult cell : report.results()) {
      Column column = new Column(cell.key().architecture(), cell.key().profile());
      if (!seenColumns.contains(column)) {
        seenColumns.add(column);
      }
      List<String> names = strategies.computeIfAbsent(cell.key().sample(), sample -> new ArrayList<>());
      if (!names.contains(cell.key().strategy())) {
        names.add(cell.key().strategy());
      }
      bySample.computeIfAbsent(cell.key().sample(), sample -> new ArrayList<>()).add(cell);
      cells.putIfAbsent(id(cell.key().sample(), cell.key().strategy(), column), cell);
    }
    this.columns = List.copyOf(seenColumns);
    List<SampleGroup> groups = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : strategies.entrySet()) {
      groups.add(new SampleGroup(entry.getKey(), Optional.ofNullable(declared.get(entry.getKey())),
          List.copyOf(entry.getValue()), List.copyOf(bySample.get(entry.getKey()))));
    }
    this.samples = List.copyOf(groups);
  }

  ComparisonReport report() {
    return report;
  }

  List<Column> columns() {
    return columns;
  }

  List<SampleGroup> samples() {
    return samples;
  }

  /** The cell of {@code sample}'s {@code strategy} on {@code column}, unless the report lacks it. */
  Optional<CellResult> cell(String sample, String strategy, Column column) {
    return Optional.ofNullable(cells.get(id(sample, strategy, column)));
  }

  private static String id(String sample, String strategy, Column column) {
    return sample + '\u0000' + strategy + '\u0000' + column.architecture() + '\u0000' + column.profile();
  }

  /** The column of {@code cell}. */
  static Column column(CellResult cell) {
    return new Column(cell.key().architecture(), cell.key().profile());
  }

  /** True when every run of the cell ended OK (and it ran at all). */
  static boolean allOk(CellResult cell) {
    return cell.runs() > 0 && cell.outcomes().get(Outcome.OK) == cell.runs();
  }

  /** The failure outcomes the cell showed at least once, in declaration order. */
  static List<Outcome> failuresSeen(CellResult cell) {
    List<Outcome> seen = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      if (outcome != Outcome.OK && cell.outcomes().get(outcome) > 0) {
        seen.add(outcome);
      }
    }
    return seen;
  }

  /**
   * The outcomes of the cell graded {@code grade}, at least once seen; when the report does not
   * declare the sample, every failure seen.
   */
  static List<Outcome> seenWithGrade(SampleGroup group, CellResult cell, Grade grade) {
    List<Outcome> seen = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      if (cell.outcomes().get(outcome) > 0
          && group.grade(outcome).map(graded -> graded == grade).orElse(outcome != Outcome.OK)) {
        seen.add(outcome);
      }
    }
    return seen;
  }

  /** The short name of an outcome in the matrix: OK, STALE, CORRUPTED, WRITE_LOST. */
  static String shortName(Outcome outcome) {
    return switch (outcome) {
      case OK -> "OK";
      case STALE_READ -> "STALE";
      case DMA_DATA_CORRUPTED -> "CORRUPTED";
      case CPU_WRITE_LOST -> "WRITE_LOST";
    };
  }

  /** herd-style: {@code NAME Always}, or {@code NAME count/runs Sometimes}, or {@code NAME Never}. */
  static String observation(String name, CellResult cell, Outcome outcome) {
    Frequency frequency = cell.frequency(outcome);
    return frequency == Frequency.SOMETIMES
        ? name + " " + cell.outcomes().get(outcome) + "/" + cell.runs() + " " + frequency.label()
        : name + " " + frequency.label();
  }

  /**
   * The cell's debug findings by name with a non-zero count: {@link FindingClass} names in enum
   * order, then any other names the cell carries, sorted.
   */
  static Map<String, Long> debugFindings(CellResult cell, boolean withZeros) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (FindingClass findingClass : FindingClass.values()) {
      long count = cell.debug().getOrDefault(findingClass.name(), 0L);
      if (withZeros || count != 0) {
        counts.put(findingClass.name(), count);
      }
    }
    cell.debug().forEach((name, count) -> {
      if (!counts.containsKey(name) && (withZeros || count != 0)) {
        counts.put(name, count);
      }
    });
    return counts;
  }

  /** True when the cell had a debug finding. */
  static boolean hasDebugFindings(CellResult cell) {
    return cell.debug().values().stream().anyMatch(count -> count != 0);
  }
}
