package org.dmasim.samples.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.SeededChoiceSource;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;
import org.dmasim.samples.compare.SampleRunner;
import org.dmasim.samples.drivers.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Whatever random runs observe, the explorer finds: over every shipped sample, strategy and
 * profile, the outcomes of 100 seeded runs sampled within the explorer's bounds
 * ({@link BoundedChoiceSource} around a seeded source, the bounds' burst size) are among the
 * outcomes the explorer proves reachable. Half the runs use the default rates, half higher ones
 * so the bounds are reached. rx-ring, whose x86 cells take tens of seconds with an eviction
 * allowed, is compared with no spontaneous eviction (the same bound for both sides).
 */
class SamplingAgreementTest {
  private static final int RUNS = 100;
  private static final ChoiceRates EAGER = new ChoiceRates(0.5, 0.2, 0.3);

  static ExplorationBounds boundsFor(String sample) {
    return sample.equals("rx-ring") ? ExplorationBounds.DEFAULT.withEvictions(0) : ExplorationBounds.DEFAULT;
  }

  private record Sampled(ExploredCells.Key key, Set<Outcome> outcomes) {}

  @Test
  void everyOutcomeSamplingObservesIsFoundByTheExplorer() {
    List<ExploredCells.Key> keys = new ArrayList<>();
    for (SampleInfo sample : SampleCatalog.all()) {
      for (String strategy : sample.strategyNames()) {
        for (String profile : ExploredCells.ALL_PROFILES) {
          keys.add(new ExploredCells.Key(sample.name(), strategy, profile, ExploredCells.DEFAULT_MACHINE,
              boundsFor(sample.name())));
        }
      }
    }
    List<Callable<Sampled>> tasks = new ArrayList<>();
    for (ExploredCells.Key key : keys) {
      tasks.add(() -> sample(key));
    }
    List<Sampled> sampled = ExploredCells.parallel(tasks);
    List<ExploredCells.Explored> explored = ExploredCells.exploreAll(keys);

    int cells = 0;
    int sampledFewer = 0;
    for (int i = 0; i < keys.size(); i++) {
      ExploredCells.Key key = keys.get(i);
      Set<Outcome> seen = sampled.get(i).outcomes();
      if (explored.get(i).result().isEmpty()) {
        assertThat(seen).as("%s cannot run, sampled or explored", key).isEmpty();
        continue;
      }
      ExplorationResult result = explored.get(i).result().get();
      assertThat(result.complete()).as(key.toString()).isTrue();
      Set<Outcome> found = EnumSet.noneOf(Outcome.class);
      for (Outcome outcome : Outcome.values()) {
        if (result.reachable(outcome)) {
          found.add(outcome);
        }
      }
      assertThat(found).as("%s: the explorer finds every outcome %d bounded seeded runs saw", key, RUNS)
          .containsAll(seen);
      cells++;
      if (!found.equals(seen)) {
        sampledFewer++;
        System.out.println("sampling missed outcomes in " + key.sample() + "/" + key.strategy() + " @ "
            + key.profile() + ": sampled " + seen + ", explored " + found);
      }
    }
    System.out.println(cells + " cells agree; in " + sampledFewer + " of them " + RUNS
        + " seeded runs saw fewer outcomes than exist within the bounds");
    assertThat(cells).as("every cell but uncached-page on the two MIPS profiles").isEqualTo(keys.size() - 2);
  }

  private static Sampled sample(ExploredCells.Key key) {
    SampleExploration cell = key.cell();
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    for (int run = 0; run < RUNS; run++) {
      long seed = run + 1;
      ChoiceRates rates = run < RUNS / 2 ? ChoiceRates.DEFAULT : EAGER;
      MachineSettings settings = key.bounds().apply(cell.settings()).withSeed(seed).withRates(rates);
      try {
        outcomes.add(SampleRunner.run(cell.registry(), settings,
            new BoundedChoiceSource(key.bounds(), new SeededChoiceSource(seed, rates)), cell.sample(),
            cell.strategy(), cell.debug()).verdict().outcome());
      } catch (UnsupportedOperationException cannotRun) {
        return new Sampled(key, Set.of());
      }
    }
    return new Sampled(key, outcomes);
  }
}
