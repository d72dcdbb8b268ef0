package org.dmasim.samples.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dmasim.core.ChoicePoint;
import org.dmasim.core.ChoiceSource;
import org.dmasim.core.CostReport;
import org.dmasim.core.Machine;
import org.dmasim.samples.compare.CellResult;
import org.dmasim.samples.compare.Frequency;
import org.dmasim.samples.compare.RunResult;
import org.dmasim.samples.compare.Verdict;
import org.dmasim.samples.drivers.Outcome;
import org.dmasim.samples.drivers.Recorder;
import org.junit.jupiter.api.Test;

/**
 * The search itself, on a toy program whose every schedule can be enumerated independently: the
 * explorer must find exactly the brute force's outcomes, schedule counts and shortest lengths,
 * whether it merges states or not and whatever order the program asks its points in; and on
 * real samples merging must not change any count.
 */
class ExplorerTest {
  /**
   * A program shaped like the hardware's questions: per step a spontaneous eviction (with a
   * victim among three lines), a speculative fill (with one of two targets), and bus arbitration
   * while bursts are due; its state is a small number, so different schedules meet again.
   */
  private static final class Toy {
    private final int steps;
    private final boolean fillFirst;
    private long state;
    private int step;
    private int phase;
    private int burstsDue;
    private final Machine machine = mock(Machine.class);

    Toy(int steps, boolean fillFirst) {
      this.steps = steps;
      this.fillFirst = fillFirst;
      when(machine.stateHash()).thenAnswer(invocation -> ((state * 31 + step) * 31 + phase) * 31 + burstsDue);
    }

    RunResult run(ChoiceSource choices, Consumer<Machine> onMachine) {
      state = 0;
      burstsDue = 0;
      onMachine.accept(machine);
      int latency = choices.choose(ChoicePoint.DEVICE_LATENCY, 4);
      state = latency;
      for (step = 0; step < steps; step++) {
        phase = 0;
        if (fillFirst) {
          fill(choices);
          evict(choices);
        } else {
          evict(choices);
          fill(choices);
        }
        phase = 2;
        burstsDue += step % 2;
        while (burstsDue > 0 && choices.choose(ChoicePoint.BUS_ARBITRATION, 2) == 1) {
          burstsDue--;
          state = (state * 3 + 1) % 7;
        }
        state = (state + step) % 7;
      }
      Set<Outcome> failures = switch ((int) (state % 4)) {
        case 1 -> Set.of(Outcome.STALE_READ);
        case 2 -> Set.of(Outcome.DMA_DATA_CORRUPTED);
        case 3 -> Set.of(Outcome.CPU_WRITE_LOST);
        default -> Set.of();
      };
      return new RunResult(0, new Verdict(failures, List.of()), List.of(), new CostReport(0, 0, 0, 0, 0, 0, 0, 0, 0),
          0, new Recorder(), List.of());
    }

    private void evict(ChoiceSource choices) {
      if (choices.choose(ChoicePoint.SPONTANEOUS_EVICTION, 2) == 1) {
        state = (state + 2 + choices.choose(ChoicePoint.EVICTION_VICTIM, 3)) % 7;
      }
      phase++;
    }

    private void fill(ChoiceSource choices) {
      if (choices.choose(ChoicePoint.SPECULATIVE_FILL, 2) == 1) {
        state = (state * 2 + choices.choose(ChoicePoint.SPECULATIVE_FILL_TARGET, 2)) % 7;
      }
      phase++;
    }
  }

  /** Every schedule within the bounds, enumerated without the explorer: outcome counts and shortest lengths. */
  private record Reference(Map<Outcome, Long> counts, Map<Outcome, Integer> shortest) {}

  private static Reference bruteForce(Toy toy, ExplorationBounds bounds) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    Map<Outcome, Integer> shortest = new EnumMap<>(Outcome.class);
    enumerate(toy, bounds, new ArrayList<>(), counts, shortest);
    return new Reference(counts, shortest);
  }

  private static void enumerate(Toy toy, ExplorationBounds bounds, List<Integer> prefix, Map<Outcome, Long> counts,
      Map<Outcome, Integer> shortest) {
    List<Integer> allowed = new ArrayList<>();
    int[] spent = new int[3];
    ChoiceSource source = (point, options) -> {
      if (options == 1) {
        return 0;
      }
      int index = allowed.size();
      int offered = switch (point) {
        case SPONTANEOUS_EVICTION -> spent[0] < bounds.evictions() ? options : 1;
        case SPECULATIVE_FILL -> spent[1] < bounds.speculativeFills() ? options : 1;
        case BUS_ARBITRATION -> spent[2] < bounds.deviceFirst() ? options : 1;
        case DEVICE_LATENCY -> Math.min(options, bounds.deviceLatencies());
        default -> options;
      };
      allowed.add(offered);
      int value = index < prefix.size() ? prefix.get(index) : 0;
      switch (point) {
        case SPONTANEOUS_EVICTION -> spent[0] += value;
        case SPECULATIVE_FILL -> spent[1] += value;
        case BUS_ARBITRATION -> spent[2] += value;
        default -> { }
      }
      return value;
    };
    Outcome outcome = toy.run(source, machine -> { }).verdict().outcome();
    counts.merge(outcome, 1L, Long::sum);
    int cost = (int) prefix.stream().filter(value -> value != 0).count();
    shortest.merge(outcome, cost, Math::min);
    for (int j = prefix.size(); j < allowed.size(); j++) {
      for (int value = 1; value < allowed.get(j); value++) {
        List<Integer> next = new ArrayList<>(prefix);
        while (next.size() < j) {
          next.add(0);
        }
        next.add(value);
        enumerate(toy, bounds, next, counts, shortest);
      }
    }
  }

  @Test
  void theSearchFindsExactlyWhatBruteForceFindsInEitherOrderWithOrWithoutMerging() {
    ExplorationBounds bounds = new ExplorationBounds(1, 2, 2, 3, 16);
    for (boolean fillFirst : List.of(false, true)) {
      Toy toy = new Toy(4, fillFirst);
      Reference reference = bruteForce(toy, bounds);
      for (boolean merge : List.of(true, false)) {
        ExplorationResult result = Explorer.explore(toy::run, 16, bounds, new Explorer.Options(merge, 1_000_000),
            run -> { });
        String what = (fillFirst ? "fill first" : "eviction first") + (merge ? ", merging" : ", no merging");
        assertThat(result.complete()).isTrue();
        for (Outcome outcome : Outcome.values()) {
          long expected = reference.counts().getOrDefault(outcome, 0L);
          assertThat(result.schedulesByOutcome().get(outcome)).as("%s: schedules ending %s", what, outcome)
              .isEqualTo(expected);
          assertThat(result.reachable(outcome)).as(what).isEqualTo(expected > 0);
          if (expected > 0) {
            Schedule schedule = result.shortestTo(outcome).orElseThrow();
            assertThat(schedule.nonQuiet()).as("%s: shortest to %s", what, outcome)
                .isEqualTo(reference.shortest().get(outcome));
            assertThat(toy.run(new ScheduleChoiceSource(schedule), machine -> { }).verdict().outcome())
                .as("%s: the shortest schedule to %s replays to it", what, outcome).isEqualTo(outcome);
          }
        }
        if (merge) {
          assertThat(result.cut()).as("%s: some runs meet an explored state", what).isPositive();
          assertThat(result.executions() + result.cut()).isLessThan(result.schedules());
        } else {
          assertThat(result.executions()).isEqualTo(result.schedules());
          assertThat(result.cut()).isZero();
        }
      }
    }
  }

  @Test
  void mergingChangesNoCountOnRealSamples() {
    List<ExploredCells.Key> keys = List.of(
        new ExploredCells.Key("iostruct", "embedded", ExploredCells.ARMV7, ExploredCells.DEFAULT_MACHINE,
            ExplorationBounds.DEFAULT),
        new ExploredCells.Key("iostruct", "embedded", ExploredCells.R10000, ExploredCells.DEFAULT_MACHINE,
            ExplorationBounds.DEFAULT),
        new ExploredCells.Key("usb-status", "both-mapped", ExploredCells.R4K, ExploredCells.DEFAULT_MACHINE,
            ExplorationBounds.DEFAULT));
    for (ExploredCells.Key key : keys) {
      ExplorationResult merged = ExploredCells.explore(key).result().orElseThrow();
      ExplorationResult plain = key.cell().explore(key.bounds(), new Explorer.Options(false, 100_000), run -> { });
      assertThat(plain.complete()).isTrue();
      assertThat(merged.schedulesByOutcome()).as("%s: schedules counted through merged states", key)
          .isEqualTo(plain.executionsByOutcome());
      for (Outcome outcome : Outcome.values()) {
        assertThat(merged.verdict(outcome)).as(key.toString()).isEqualTo(plain.verdict(outcome));
        if (plain.reachable(outcome)) {
          assertThat(merged.shortestTo(outcome).orElseThrow().nonQuiet())
              .isEqualTo(plain.shortestTo(outcome).orElseThrow().nonQuiet());
        }
      }
      assertThat(merged.executions() + merged.cut()).isLessThan(plain.executions());
    }
  }

  @Test
  void anExplorationIsDeterministic() {
    ExploredCells.Key key = new ExploredCells.Key("spi-sensor", "unaligned", ExploredCells.R10000,
        ExploredCells.DEFAULT_MACHINE, ExplorationBounds.DEFAULT);
    ExplorationResult first = key.cell().explore(key.bounds());
    ExplorationResult second = key.cell().explore(key.bounds());
    assertThat(second.executions()).isEqualTo(first.executions());
    assertThat(second.states()).isEqualTo(first.states());
    assertThat(second.transitions()).isEqualTo(first.transitions());
    assertThat(second.schedulesByOutcome()).isEqualTo(first.schedulesByOutcome());
    assertThat(second.shortest()).isEqualTo(first.shortest());
  }

  @Test
  void anExhaustiveCellsWordsAreTheExplorersVerdicts() {
    for (String profile : List.of(ExploredCells.R4K, ExploredCells.ARMV7, ExploredCells.X86)) {
      ExploredCells.Key key = new ExploredCells.Key("iostruct", "embedded", profile, ExploredCells.DEFAULT_MACHINE,
          ExplorationBounds.DEFAULT);
      ExplorationResult result = ExploredCells.explore(key).result().orElseThrow();
      CellResult cell = ExhaustiveComparison.explore(key.cell(), key.bounds(), Explorer.Options.DEFAULT);
      assertThat(cell.runs()).isEqualTo(result.executions());
      assertThat(cell.exhaustive()).isPresent();
      assertThat(cell.exhaustive().get().states()).isEqualTo(result.states());
      for (Outcome outcome : Outcome.values()) {
        assertThat(cell.frequency(outcome)).as("%s %s", key, outcome).isEqualTo(result.verdict(outcome));
        assertThat(cell.exhaustive().get().shortest().containsKey(outcome))
            .isEqualTo(outcome != Outcome.OK && result.reachable(outcome));
      }
      assertThat(cell.failure().isPresent()).isEqualTo(!profile.equals(ExploredCells.X86));
      cell.failure().ifPresent(failure -> assertThat(failure.timeline()).isNotEmpty());
    }
  }

  @Test
  void theRunLimitStopsAnIncompleteSearch() {
    ExploredCells.Key key = new ExploredCells.Key("iostruct", "embedded", ExploredCells.ARMV7,
        ExploredCells.DEFAULT_MACHINE, ExplorationBounds.DEFAULT);
    ExplorationResult result = key.cell().explore(key.bounds(), new Explorer.Options(true, 5), run -> { });
    assertThat(result.complete()).isFalse();
    assertThat(result.executions() + result.cut()).isEqualTo(5);
    assertThat(result.reachable(Outcome.DMA_DATA_CORRUPTED)).as("what the runs saw still counts as seen").isTrue();
    for (Outcome outcome : Outcome.values()) {
      assertThat(result.reachable(outcome)).isEqualTo(result.executionsByOutcome().get(outcome) > 0);
    }
    assertThat(ExplorationText.render(key.cell(), result, List.of(), "run")).contains("INCOMPLETE");
  }

  @Test
  void aStrategyThatCannotRunIsNotApplicable() {
    ExploredCells.Key key = new ExploredCells.Key("iostruct", "uncached-page", ExploredCells.R4K,
        ExploredCells.DEFAULT_MACHINE, ExplorationBounds.DEFAULT);
    assertThatThrownBy(() -> key.cell().explore(key.bounds())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void boundsAreCheckedAndDescribed() {
    assertThatThrownBy(() -> ExplorationBounds.DEFAULT.withBurstBytes(12)).hasMessageContaining("power of two");
    assertThatThrownBy(() -> ExplorationBounds.DEFAULT.withDeviceLatencies(0)).hasMessageContaining("latencies");
    assertThatThrownBy(() -> ExplorationBounds.DEFAULT.withEvictions(-1)).hasMessageContaining("evictions");
    assertThat(ExplorationBounds.DEFAULT.describe()).contains("at most 1 spontaneous eviction")
        .contains("1 speculative fill").contains("1 burst landing before a CPU step")
        .contains("first 2 of its options").contains("DMA bursts of 16 bytes");
    assertThat(ExplorationBounds.DEFAULT.withDeviceFirst(ExplorationBounds.UNBOUNDED).describe())
        .contains("any number of bursts");
  }

  @Test
  void theVerdictWordsFollowTheReachableOutcomes() {
    ExploredCells.Key key = new ExploredCells.Key("iostruct", "embedded", ExploredCells.R4K,
        ExploredCells.DEFAULT_MACHINE, ExplorationBounds.DEFAULT);
    ExplorationResult result = ExploredCells.explore(key).result().orElseThrow();
    assertThat(result.verdict(Outcome.OK)).isEqualTo(Frequency.NEVER);
    assertThat(result.verdict(Outcome.STALE_READ)).isEqualTo(Frequency.SOMETIMES);
    ExplorationResult x86 = ExploredCells.explore(new ExploredCells.Key("iostruct", "embedded", ExploredCells.X86,
        ExploredCells.DEFAULT_MACHINE, ExplorationBounds.DEFAULT)).result().orElseThrow();
    assertThat(x86.verdict(Outcome.OK)).isEqualTo(Frequency.ALWAYS);
    assertThat(x86.executionsByOutcome().get(Outcome.OK)).isEqualTo(x86.executions());
  }
}
