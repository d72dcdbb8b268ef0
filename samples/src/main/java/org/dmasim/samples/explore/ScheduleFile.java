package org.dmasim.samples.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.RecordingChoiceSource.Choice;
import org.dmasim.samples.drivers.Outcome;

/**
 * The schedule file: plain text, one item a line.
 * <pre>
 * # comment (anything after '#'); blank lines are ignored
 * burst-bytes 16                 the DMA burst size the schedule was found with (default 8)
 * expect DMA_DATA_CORRUPTED      the outcome it produces (optional)
 * SPECULATIVE_FILL 2 1           one choice: point, options the machine asks with, answer
 * </pre>
 * Choice lines list every point the run asks with more than one option, in order, quiet answers
 * (0) included: replay is exact, and any divergence is reported with its line.
 */
public final class ScheduleFile {
  private ScheduleFile() {}

  /** A read schedule with the line of each choice, for error messages. */
  public record Read(Schedule schedule, List<Integer> lines) {}

  /** The file's text for {@code schedule}, {@code header} lines first as comments. */
  public static String format(Schedule schedule, List<String> header) {
    StringBuilder text = new StringBuilder("# dmasim schedule\n");
    for (String line : header) {
      text.append("# ").append(line.replace('\n', ' ')).append('\n');
    }
    text.append("# one choice a line: POINT OPTIONS ANSWER (0 is the quiet answer)\n");
    text.append("burst-bytes ").append(schedule.burstBytes()).append('\n');
    if (schedule.outcome() != null) {
      text.append("expect ").append(schedule.outcome().name()).append('\n');
    }
    int index = 0;
    for (Choice choice : schedule.choices()) {
      index++;
      text.append(choice.point().name()).append(' ').append(choice.options()).append(' ').append(choice.value());
      if (choice.value() != 0) {
        text.append("   # ").append(index).append(": ").append(Schedule.meaning(choice.point(), choice.value()));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** Writes {@code schedule} to {@code file}. */
  public static void write(Path file, Schedule schedule, List<String> header) {
    try {
      Files.writeString(file, format(schedule, header), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write schedule " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the schedule in {@code file}; a malformed line is an {@link IllegalArgumentException} naming it. */
  public static Read read(Path file) {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8 text"
          : Files.isDirectory(file) ? "it is a directory" : org.dmasim.samples.report.AtomicFiles.describe(e);
      throw new IllegalArgumentException("Cannot read schedule " + file + ": " + why, e);
    }
    return parse(text, file.toString());
  }

  /** Parses the lines of a schedule file called {@code name}. */
  public static Read parse(List<String> text, String name) {
    List<Choice> choices = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int burstBytes = org.dmasim.core.MachineSettings.DEFAULT_DMA_BURST_BYTES;
    Outcome expected = null;
    for (int i = 0; i < text.size(); i++) {
      int lineNumber = i + 1;
      String line = text.get(i);
      int comment = line.indexOf('#');
      String content = (comment >= 0 ? line.substring(0, comment) : line).trim();
      if (content.isEmpty()) {
        continue;
      }
      String[] fields = content.split("\\s+");
      String where = name + " line " + lineNumber;
      switch (fields[0]) {
        case "burst-bytes" -> {
          expectFields(fields, 2, where, "burst-bytes N");
          burstBytes = number(fields[1], where);
          if (burstBytes < 1 || burstBytes > 4096 || Integer.bitCount(burstBytes) != 1) {
            throw new IllegalArgumentException(where + ": invalid burst size " + fields[1]
                + ": must be a power of two from 1 to 4096");
          }
        }
        case "expect" -> {
          expectFields(fields, 2, where, "expect OUTCOME");
          try {
            expected = Outcome.valueOf(fields[1].toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown outcome '" + fields[1] + "'. Available: "
                + names(Outcome.values()));
          }
        }
        default -> {
          expectFields(fields, 3, where, "POINT OPTIONS ANSWER");
          ChoicePoint point;
          try {
            point = ChoicePoint.valueOf(fields[0].toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown choice point '" + fields[0] + "'. Available: "
                + names(ChoicePoint.values()));
          }
          int options = number(fields[1], where);
          int value = number(fields[2], where);
          if (options < 2 || value < 0 || value >= options) {
            throw new IllegalArgumentException(where + ": a choice needs at least 2 options and an answer from 0 to"
                + " options - 1, got " + options + " options and answer " + value);
          }
          choices.add(new Choice(point, options, value));
          lines.add(lineNumber);
        }
      }
    }
    return new Read(new Schedule(choices, burstBytes, expected), lines);
  }

  private static void expectFields(String[] fields, int count, String where, String form) {
    if (fields.length != count) {
      throw new IllegalArgumentException(where + ": expected '" + form + "', got '" + String.join(" ", fields) + "'");
    }
  }

  private static int number(String text, String where) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + text + "' is not a number");
    }
  }

  private static String names(Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> value : values) {
      names.add(value.name());
    }
    return String.join(", ", names);
  }
}
