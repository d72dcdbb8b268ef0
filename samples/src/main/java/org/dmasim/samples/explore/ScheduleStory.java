package org.dmasim.samples.explore;

import java.util.ArrayList;
import java.util.List;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.Hex;
import org.dmasim.core.Machine;
import org.dmasim.core.TraceEvent;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.compare.Timeline;

/**
 * A schedule told step by step: it is replayed with tracing on, and the annotated timeline
 * ({@link Timeline#annotateWatched}) is interleaved with the schedule's non-quiet answers. Each
 * such answer is printed where the machine asked it ({@code >>}, with its number among the
 * schedule's choices and the cycle), followed by every event up to the next choice: what it did
 * (which line was evicted or filled, which bytes a burst brought, what was written back). The
 * other events shown are the notes, the device's and those on the device buffer's lines.
 */
public final class ScheduleStory {
  private ScheduleStory() {}

  /** The replayed run and its story. */
  public record Told(RunResult run, List<String> lines) {
    /** Copies the lines. */
    public Told {
      lines = List.copyOf(lines);
    }
  }

  private record Asked(int index, ChoicePoint point, int options, int value, int events, long time) {}

  /** Replays {@code schedule} on {@code cell} with tracing and tells it. */
  public static Told tell(SampleExploration cell, Schedule schedule) {
    List<Asked> asked = new ArrayList<>();
    Machine[] machine = new Machine[1];
    ScheduleChoiceSource replay = new ScheduleChoiceSource(schedule);
    ChoiceSource noting = (point, options) -> {
      int value = replay.choose(point, options);
      if (options > 1) {
        asked.add(new Asked(asked.size() + 1, point, options, value,
            machine[0] == null ? 0 : machine[0].trace().events().size(),
            machine[0] == null ? 0 : machine[0].time().now()));
      }
      return value;
    };
    RunResult run = cell.replayThrough(noting, replay, schedule, true, built -> machine[0] = built);
    return new Told(run, lines(run, asked, cell.settingsFor(schedule).cache().lineSize()));
  }

  private static List<String> lines(RunResult run, List<Asked> asked, int lineSize) {
    List<TraceEvent> events = run.trace();
    var writes = run.recorder().deviceWrites();
    Timeline timeline = writes.isEmpty() ? new Timeline(0, 0, lineSize)
        : new Timeline(writes.get(0).dmaAddress(), writes.get(0).bytes().length, lineSize);
    List<String> all = timeline.annotateAll(events);
    List<String> watched = timeline.annotateWatched(events);
    boolean[] relevant = new boolean[all.size()];
    int w = 0;
    for (int i = 0; i < all.size() && w < watched.size(); i++) {
      if (all.get(i).equals(watched.get(w))) {
        relevant[i] = true;
        w++;
      }
    }
    // Events after a group of choices asked at one moment belong to it until the next choice.
    boolean[] effect = new boolean[all.size()];
    for (int k = 0; k < asked.size(); k++) {
      Asked choice = asked.get(k);
      if (choice.value() == 0) {
        continue;
      }
      int end = all.size();
      for (int j = k + 1; j < asked.size(); j++) {
        if (asked.get(j).events() > choice.events()) {
          end = asked.get(j).events();
          break;
        }
      }
      for (int i = choice.events(); i < end && i < all.size(); i++) {
        effect[i] = true;
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.format("watching the device buffer's line %s; >> a non-quiet answer of the schedule"
        + " (n/N: its number among the N choices), then what it did; <<< what did the damage",
        Hex.address(timeline.watchedLine())));
    int next = 0;
    int omitted = 0;
    for (int i = 0; i <= all.size(); i++) {
      while (next < asked.size() && asked.get(next).events() <= i) {
        Asked choice = asked.get(next++);
        if (choice.value() != 0) {
          lines.add(String.format(">> %8d  choice %d/%d: %s = %d of %d: %s", choice.time(), choice.index(),
              asked.size(), choice.point(), choice.value(), choice.options(),
              Schedule.meaning(choice.point(), choice.value())));
        }
      }
      if (i == all.size()) {
        break;
      }
      if (relevant[i] || effect[i]) {
        lines.add("   " + all.get(i));
      } else {
        omitted++;
      }
    }
    if (omitted > 0) {
      lines.add("   (" + omitted + (omitted == 1 ? " event" : " events")
          + " on other lines not shown; run with --trace for all)");
    }
    return lines;
  }
}
