package org.dmasim.samples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a label column, then data columns whose cells may span several lines.
 * When the table is wider than the limit, its data columns are split into blocks, each
 * printed under the label column again, so a narrow terminal never wraps a line.
 */
final class TextTable {
  private static final String GAP = "  ";

  /** A row: a label and one cell (its lines) per column; a heading row has no cells. */
  private record Row(String label, List<List<String>> cells) {}

  private final String corner;
  private final List<String> headers;
  private final List<Row> rows = new ArrayList<>();

  TextTable(String corner, List<String> headers) {
    this.corner = corner;
    this.headers = List.copyOf(headers);
  }

  /** Adds a row spanning nothing but its label (a group heading). */
  void heading(String label) {
    rows.add(new Row(label, List.of()));
  }

  /** Adds a row; {@code cells} has one entry per column, each the cell's lines. */
  void row(String label, List<List<String>> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("row " + label + " has " + cells.size() + " cells for " + headers.size()
          + " columns");
    }
    rows.add(new Row(label, List.copyOf(cells)));
  }

  /** The table, each line at most {@code maxWidth} wide where the columns allow it, ending with a newline. */
  String render(int maxWidth) {
    int labelWidth = corner.length();
    for (Row row : rows) {
      if (!row.cells().isEmpty()) {
        labelWidth = Math.max(labelWidth, row.label().length());
      }
    }
    int[] widths = new int[headers.size()];
    for (int column = 0; column < headers.size(); column++) {
      widths[column] = headers.get(column).length();
      for (Row row : rows) {
        for (String line : row.cells().isEmpty() ? List.<String>of() : row.cells().get(column)) {
          widths[column] = Math.max(widths[column], line.length());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    int columns = headers.size();
    int start = 0;
    do {
      int end = Math.min(start + 1, columns);
      int width = labelWidth + (columns == 0 ? 0 : GAP.length() + widths[start]);
      while (end < columns && width + GAP.length() + widths[end] <= maxWidth) {
        width += GAP.length() + widths[end];
        end++;
      }
      if (start > 0) {
        out.append('\n');
      }
      block(out, labelWidth, widths, start, end);
      start = end;
    } while (start < columns);
    return out.toString();
  }

  private void block(StringBuilder out, int labelWidth, int[] widths, int from, int to) {
    List<String> header = new ArrayList<>();
    header.add(pad(corner, labelWidth));
    for (int column = from; column < to; column++) {
      header.add(pad(headers.get(column), widths[column]));
    }
    line(out, header);
    List<String> rule = new ArrayList<>();
    rule.add("-".repeat(labelWidth));
    for (int column = from; column < to; column++) {
      rule.add("-".repeat(widths[column]));
    }
    line(out, rule);
    for (Row row : rows) {
      if (row.cells().isEmpty()) {
        out.append(row.label()).append('\n');
        continue;
      }
      int height = 1;
      for (int column = from; column < to; column++) {
        height = Math.max(height, row.cells().get(column).size());
      }
      for (int lineNumber = 0; lineNumber < height; lineNumber++) {
        List<String> parts = new ArrayList<>();
        parts.add(pad(lineNumber == 0 ? row.label() : "", labelWidth));
        for (int column = from; column < to; column++) {
          List<String> cell = row.cells().get(column);
          parts.add(pad(lineNumber < cell.size() ? cell.get(lineNumber) : "", widths[column]));
        }
        line(out, parts);
      }
    }
  }

  private static void line(StringBuilder out, List<String> parts) {
    out.append(String.join(GAP, parts).stripTrailing()).append('\n');
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
