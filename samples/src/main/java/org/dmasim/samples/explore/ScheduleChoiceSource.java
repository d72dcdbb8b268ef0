package org.dmasim.samples.explore;

import java.util.List;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.RecordingChoiceSource.Choice;

/**
 * Replays a {@link Schedule}: every point asked with more than one option takes the schedule's
 * next answer. A run that asks another point or another number of options than the schedule
 * says, asks more points than it holds, or ({@link #checkFinished()}) ends before its last one,
 * fails with an {@link IllegalArgumentException} naming the file line, what the schedule expected
 * and what the machine asked.
 */
public final class ScheduleChoiceSource implements ChoiceSource {
  private final List<Choice> choices;
  private final List<Integer> lines;
  private final String source;
  private int next;

  /** Replays {@code schedule}; {@code lines} gives each choice's line in {@code source} (or is empty). */
  public ScheduleChoiceSource(Schedule schedule, List<Integer> lines, String source) {
    this.choices = schedule.choices();
    this.lines = List.copyOf(lines);
    this.source = source;
  }

  /** Replays {@code schedule}, naming choices by their number. */
  public ScheduleChoiceSource(Schedule schedule) {
    this(schedule, List.of(), "the schedule");
  }

  @Override
  public int choose(ChoicePoint point, int options) {
    if (options < 1) {
      throw new IllegalArgumentException("options must be >= 1, was " + options + " for " + point);
    }
    if (options == 1) {
      return 0;
    }
    if (next >= choices.size()) {
      throw new IllegalArgumentException("The run diverged from " + source + ": after its last choice ("
          + where(choices.size() - 1) + ") the machine asked " + point + " with " + options + " options");
    }
    Choice expected = choices.get(next);
    if (expected.point() != point || expected.options() != options) {
      throw new IllegalArgumentException("The run diverged from " + source + " at " + where(next) + ": expected "
          + expected.point() + " with " + expected.options() + " options, the machine asked " + point + " with "
          + options + " options (same sample, strategy, profile and configuration as when it was written?)");
    }
    next++;
    return expected.value();
  }

  /** Checks the run used every choice of the schedule. */
  public void checkFinished() {
    if (next < choices.size()) {
      throw new IllegalArgumentException("The run diverged from " + source + ": it ended after " + next
          + " choices, before " + where(next));
    }
  }

  /** How many choices were replayed. */
  public int replayed() {
    return next;
  }

  private String where(int index) {
    if (index < 0) {
      return "its start";
    }
    return index < lines.size() ? "line " + lines.get(index) : "choice " + (index + 1);
  }
}
