package org.dmasim.samples.explore;

import java.util.ArrayList;
import java.util.List;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.MachineSettings;

/**
 * The bounds of an exhaustive exploration: how often per run the hardware may do something on
 * its own, and the DMA burst size. They define the schedules explored, and a bounded seeded run
 * ({@link BoundedChoiceSource}) samples from exactly the same schedules.
 *
 * <ul>
 *   <li>{@code evictions}: at most this many {@link ChoicePoint#SPONTANEOUS_EVICTION} "yes"
 *       answers per run; once spent, the point is answered 0 (no eviction).</li>
 *   <li>{@code speculativeFills}: the same for {@link ChoicePoint#SPECULATIVE_FILL}.</li>
 *   <li>{@code deviceFirst}: at most this many {@link ChoicePoint#BUS_ARBITRATION} answers
 *       "the due burst lands before the CPU's step"; once spent, the CPU always goes first and
 *       bursts land while the CPU waits (a preemption bound, as in CHESS). -1: unbounded (the
 *       number of bursts bounds it anyway).</li>
 *   <li>{@code deviceLatencies}: {@link ChoicePoint#DEVICE_LATENCY} is offered its first this
 *       many options (the shortest latencies) instead of all of them.</li>
 *   <li>{@code burstBytes}: the device's burst size ({@code dma.burst-bytes}); larger bursts
 *       mean fewer bus arbitrations.</li>
 * </ul>
 * Eviction victims, speculative fill targets and random replacement victims are always offered
 * every option the machine asks with.
 */
public record ExplorationBounds(int evictions, int speculativeFills, int deviceFirst, int deviceLatencies,
    int burstBytes) {
  /** The defaults: every shipped sample explores to the end in seconds. */
  public static final ExplorationBounds DEFAULT = new ExplorationBounds(1, 1, 1, 2, 16);

  /** Unbounded device-first answers. */
  public static final int UNBOUNDED = -1;

  /** Checks the bounds. */
  public ExplorationBounds {
    check("evictions", evictions, 0, 1000);
    check("speculative fills", speculativeFills, 0, 1000);
    check("device-first", deviceFirst, UNBOUNDED, 1000);
    check("device latencies", deviceLatencies, 1, 1000);
    if (burstBytes < 1 || burstBytes > 4096 || Integer.bitCount(burstBytes) != 1) {
      throw new IllegalArgumentException("Invalid burst size " + burstBytes
          + ": must be a power of two from 1 to 4096");
    }
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("Invalid " + name + " bound " + value + ": must be between " + min + " and "
          + max);
    }
  }

  /** The same bounds with another eviction bound. */
  public ExplorationBounds withEvictions(int bound) {
    return new ExplorationBounds(bound, speculativeFills, deviceFirst, deviceLatencies, burstBytes);
  }

  /** The same bounds with another speculative fill bound. */
  public ExplorationBounds withSpeculativeFills(int bound) {
    return new ExplorationBounds(evictions, bound, deviceFirst, deviceLatencies, burstBytes);
  }

  /** The same bounds with another device-first bound ({@link #UNBOUNDED} for none). */
  public ExplorationBounds withDeviceFirst(int bound) {
    return new ExplorationBounds(evictions, speculativeFills, bound, deviceLatencies, burstBytes);
  }

  /** The same bounds with another number of device latencies. */
  public ExplorationBounds withDeviceLatencies(int bound) {
    return new ExplorationBounds(evictions, speculativeFills, deviceFirst, bound, burstBytes);
  }

  /** The same bounds with another burst size. */
  public ExplorationBounds withBurstBytes(int bytes) {
    return new ExplorationBounds(evictions, speculativeFills, deviceFirst, deviceLatencies, bytes);
  }

  /** {@code settings} with these bounds' burst size. */
  public MachineSettings apply(MachineSettings settings) {
    return settings.withDmaBurstBytes(burstBytes);
  }

  /** One line, as the explorer prints it. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("at most " + evictions + plural(evictions, " spontaneous eviction", " spontaneous evictions"));
    parts.add(speculativeFills + plural(speculativeFills, " speculative fill", " speculative fills"));
    parts.add(deviceFirst == UNBOUNDED ? "any number of bursts landing before a CPU step"
        : deviceFirst + plural(deviceFirst, " burst landing before a CPU step", " bursts landing before a CPU step"));
    return String.join(", ", parts) + " per run; device latency: the first " + deviceLatencies
        + " of its options; DMA bursts of " + burstBytes + " bytes; eviction victims, speculative fill targets"
        + " and replacement victims: every option";
  }

  private static String plural(int count, String one, String many) {
    return count == 1 ? one : many;
  }

  /**
   * What one run has spent of the bounds so far, and what a choice point may be offered. Both
   * the explorer and {@link BoundedChoiceSource} answer through it, so they explore and sample
   * the same schedules.
   */
  static final class Budget {
    private final ExplorationBounds bounds;
    private int evictions;
    private int fills;
    private int deviceFirst;
    private int transfers;

    Budget(ExplorationBounds bounds) {
      this.bounds = bounds;
    }

    /** How many of the {@code options} the machine asks with the bounds offer now (at least 1). */
    int allowed(ChoicePoint point, int options) {
      return switch (point) {
        case SPONTANEOUS_EVICTION -> evictions < bounds.evictions ? options : 1;
        case SPECULATIVE_FILL -> fills < bounds.speculativeFills ? options : 1;
        case BUS_ARBITRATION -> bounds.deviceFirst == UNBOUNDED || deviceFirst < bounds.deviceFirst ? options : 1;
        case DEVICE_LATENCY -> Math.min(options, bounds.deviceLatencies);
        default -> options;
      };
    }

    /** Spends what answering {@code value} at {@code point} costs. */
    void spend(ChoicePoint point, int value) {
      switch (point) {
        case SPONTANEOUS_EVICTION -> evictions += value != 0 ? 1 : 0;
        case SPECULATIVE_FILL -> fills += value != 0 ? 1 : 0;
        case BUS_ARBITRATION -> deviceFirst += value != 0 ? 1 : 0;
        case DEVICE_LATENCY -> transfers++;
        default -> {
          // victims and targets cost nothing
        }
      }
    }

    /** The budget left and the transfers started, folded into a state key. */
    long fold(long hash) {
      long h = Keys.mix(hash, evictions);
      h = Keys.mix(h, fills);
      h = Keys.mix(h, deviceFirst);
      return Keys.mix(h, transfers);
    }
  }
}
