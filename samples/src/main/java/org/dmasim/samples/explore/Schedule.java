package org.dmasim.samples.explore;

import java.util.List;
import org.dmasim.core.RecordingChoiceSource.Choice;
import org.dmasim.samples.drivers.Outcome;

/**
 * One schedule: every choice with more than one option the machine asked in one run, in order,
 * with the answer given; the DMA burst size it was found with; and the outcome it produces
 * (null when unknown). Replayed by {@link ScheduleChoiceSource}, written and read by
 * {@link ScheduleFile}.
 */
public record Schedule(List<Choice> choices, int burstBytes, Outcome outcome) {
  /** Copies the list. */
  public Schedule {
    choices = List.copyOf(choices);
    if (burstBytes < 1 || Integer.bitCount(burstBytes) != 1) {
      throw new IllegalArgumentException("Invalid burst size " + burstBytes + ": must be a power of two");
    }
  }

  /** How many answers are not the quiet option 0: the things the hardware did on its own. */
  public int nonQuiet() {
    return (int) choices.stream().filter(choice -> choice.value() != 0).count();
  }

  /** What answering {@code value} to {@code point} means, in words. */
  public static String meaning(org.dmasim.core.ChoicePoint point, int value) {
    return switch (point) {
      case BUS_ARBITRATION -> value == 0 ? "the CPU's step goes first"
          : "the due DMA burst lands before the CPU's step";
      case DEVICE_LATENCY -> "the device starts after " + (value + 1) + " setup latencies";
      case SPONTANEOUS_EVICTION -> value == 0 ? "no spontaneous eviction" : "a line leaves the cache on its own";
      case EVICTION_VICTIM -> "the victim is valid line #" + value + " (set and way order)";
      case SPECULATIVE_FILL -> value == 0 ? "no speculative fill" : "the core fills a line nobody asked for";
      case SPECULATIVE_FILL_TARGET -> "the speculatively filled line is candidate #" + value
          + " (before, at, after the last access)";
      case REPLACEMENT_VICTIM -> "random replacement evicts way " + value;
    };
  }
}
