package org.dmasim.samples.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmasim.samples.drivers.Grade;
import org.dmasim.samples.drivers.Outcome;

/**
 * The explorer's report, as model checkers print theirs: what was explored and how fast, the
 * bounds and reductions, a proven verdict per outcome, and for each failing outcome the
 * shortest schedule told step by step ({@link ScheduleStory}).
 */
public final class ExplorationText {
  private ExplorationText() {}

  /** Where a failing outcome's shortest schedule was written, if it was. */
  public record Written(Outcome outcome, Path file) {}

  /** The report of {@code result} for {@code cell}; {@code written} names the schedule files written. */
  public static String render(SampleExploration cell, ExplorationResult result, List<Written> written,
      String replayCommand) {
    StringBuilder out = new StringBuilder();
    out.append("dmasim explore: ").append(cell.sample().name()).append(" / ").append(cell.strategy().name())
        .append(" on ").append(cell.settings().profile().qualifiedName()).append('\n');
    header(result, out);
    out.append('\n');
    verdicts(cell, result, out);
    for (Outcome outcome : Outcome.values()) {
      if (outcome == Outcome.OK || !result.reachable(outcome)) {
        continue;
      }
      Schedule schedule = result.shortestTo(outcome).orElseThrow();
      out.append('\n');
      story(cell, outcome, schedule, out);
      Path file = written.stream().filter(w -> w.outcome() == outcome).map(Written::file).findFirst().orElse(null);
      if (file != null) {
        out.append("  schedule written to ").append(file).append("; replay: ").append(replayCommand)
            .append(" --schedule ").append(file).append('\n');
      } else {
        out.append("  (--schedule-out DIR writes this schedule to a file that ").append(replayCommand)
            .append(" --schedule FILE replays)\n");
      }
    }
    return out.toString();
  }

  /** The lines every exploration report starts with: counts, speed, bounds, reductions, completeness. */
  public static void header(ExplorationResult result, StringBuilder out) {
    out.append(String.format(Locale.ROOT,
        "Explored %d executions (%d more %s cut at a merged state), %d distinct states, %d transitions in %.2f s%n",
        result.executions(), result.cut(), result.cut() == 1 ? "run" : "runs", result.states(), result.transitions(),
        result.wallSeconds()));
    out.append(String.format(Locale.ROOT,
        "  %.0f distinct states/s; %.0f choice points visited/s (replays included); %s within the bounds%n",
        result.statesPerSecond(), result.visitedPerSecond(), schedules(result.schedules())));
    out.append("bounds: ").append(result.bounds().describe()).append('\n');
    out.append("reductions: ").append(String.join("; ", result.reductions())).append('\n');
    if (result.complete()) {
      out.append("Finished: every schedule within the bounds was explored; the verdicts below are proofs within"
          + " them.\n");
    } else {
      out.append("INCOMPLETE: the run limit stopped the search; the verdicts below say what was seen, they prove"
          + " nothing.\n");
    }
  }

  private static String schedules(long count) {
    return count == Long.MAX_VALUE ? "more than 9.2e18 schedules" : count + (count == 1 ? " schedule" : " schedules");
  }

  private static void verdicts(SampleExploration cell, ExplorationResult result, StringBuilder out) {
    String proof = result.complete() ? "proven within the bounds" : "seen so far";
    out.append(String.format("%-20s %-10s %-22s %s%n", "outcome", "verdict", "schedules", "shortest schedule"));
    Map<Outcome, Long> schedules = result.schedulesByOutcome();
    long total = result.schedules();
    for (Outcome outcome : Outcome.values()) {
      String verdict = result.verdict(outcome).label();
      if (!result.reachable(outcome)) {
        out.append(String.format("%-20s %-10s %s%n", outcome, verdict, "(" + proof + ")"));
        continue;
      }
      Schedule schedule = result.shortestTo(outcome).orElseThrow();
      out.append(String.format("%-20s %-10s %-22s %s%n", outcome, verdict,
          schedules.get(outcome) + " of " + total,
          schedule.nonQuiet() + (schedule.nonQuiet() == 1 ? " non-quiet answer" : " non-quiet answers")
              + grade(cell, outcome)));
    }
  }

  private static String grade(SampleExploration cell, Outcome outcome) {
    Grade grade = cell.sample().expectations().grade(outcome);
    return grade == Grade.ACCEPTABLE ? "" : " (" + grade.name().toLowerCase(Locale.ROOT).replace("_", ", ") + ")";
  }

  private static void story(SampleExploration cell, Outcome outcome, Schedule schedule, StringBuilder out) {
    ScheduleStory.Told told = ScheduleStory.tell(cell, schedule);
    out.append("Shortest schedule to ").append(outcome).append(": ").append(schedule.nonQuiet())
        .append(schedule.nonQuiet() == 1 ? " non-quiet answer" : " non-quiet answers").append(" among ")
        .append(schedule.choices().size()).append(" choices (every other answer is 0: the CPU first, nothing"
            + " spontaneous, the shortest latency)\n");
    if (told.run().verdict().outcome() != outcome) {
      out.append("  WARNING: replayed, the schedule ended ").append(told.run().verdict().outcome()).append('\n');
    }
    out.append("  why:\n");
    for (String reason : told.run().verdict().reasons()) {
      out.append("    - ").append(reason).append('\n');
    }
    out.append("  step by step:\n");
    for (String line : told.lines()) {
      out.append("    ").append(line).append('\n');
    }
  }

  /** The non-quiet answers of {@code schedule}, one line each: {@code choice n/N: POINT = v of k: meaning}. */
  public static List<String> steps(Schedule schedule) {
    List<String> steps = new ArrayList<>();
    int index = 0;
    for (var choice : schedule.choices()) {
      index++;
      if (choice.value() != 0) {
        steps.add("choice " + index + "/" + schedule.choices().size() + ": " + choice.point() + " = " + choice.value()
            + " of " + choice.options() + ": " + Schedule.meaning(choice.point(), choice.value()));
      }
    }
    return steps;
  }
}
