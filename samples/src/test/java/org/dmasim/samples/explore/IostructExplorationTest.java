package org.dmasim.samples.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dmasim.samples.explore.ExploredCells.ALL_PROFILES;
import static org.dmasim.samples.explore.ExploredCells.ARM64;
import static org.dmasim.samples.explore.ExploredCells.ARM64_CWG128;
import static org.dmasim.samples.explore.ExploredCells.ARM64_PRE_5_19;
import static org.dmasim.samples.explore.ExploredCells.ARMV7;
import static org.dmasim.samples.explore.ExploredCells.DEFAULT_MACHINE;
import static org.dmasim.samples.explore.ExploredCells.R10000;
import static org.dmasim.samples.explore.ExploredCells.R4K;
import static org.dmasim.samples.explore.ExploredCells.WITHOUT_KMALLOC_BOUNCE;
import static org.dmasim.samples.explore.ExploredCells.X86;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.compare.Frequency;
import org.dmasim.samples.drivers.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The 2002 driver explored to the end, every strategy on every profile, with the default bounds:
 * the embedded buffer fails on every non-coherent profile where the mechanism lets it (on arm64
 * and arm64-cwg128 Linux 6.5 bounces the 16-byte buffer; without that rule it fails there too),
 * with its shortest schedule; every fix is proven never to fail within the bounds; x86 is proven
 * safe for every strategy.
 */
class IostructExplorationTest {
  private static final ExplorationBounds BOUNDS = ExplorationBounds.DEFAULT;
  private static final List<String> STRATEGIES = SampleCatalog.sample("iostruct").strategyNames();
  private static final Set<String> FAILING_PROFILES = Set.of(ARMV7, ARM64_PRE_5_19, R4K, R10000);
  private static final Set<Outcome> FAILURES =
      Set.of(Outcome.STALE_READ, Outcome.DMA_DATA_CORRUPTED, Outcome.CPU_WRITE_LOST);

  private static List<ExploredCells.Explored> everyCell() {
    List<ExploredCells.Key> keys = new ArrayList<>();
    for (String strategy : STRATEGIES) {
      for (String profile : ALL_PROFILES) {
        keys.add(new ExploredCells.Key("iostruct", strategy, profile, DEFAULT_MACHINE, BOUNDS));
      }
    }
    return ExploredCells.exploreAll(keys);
  }

  @Test
  void everyStrategyOnEveryProfileIsExploredToTheEnd() {
    List<ExploredCells.Explored> cells = everyCell();
    System.out.println("iostruct, bounds: " + BOUNDS.describe());
    System.out.println(String.format("%-22s %-30s %-58s %10s %8s", "strategy", "profile", "verdicts",
        "executions", "states"));
    for (ExploredCells.Explored explored : cells) {
      ExploredCells.Key key = explored.key();
      if (explored.result().isEmpty()) {
        System.out.println(String.format("%-22s %-30s %s", key.strategy(), key.profile(), "n/a"));
        assertThat(key.strategy()).as(key.toString()).isEqualTo("uncached-page");
        assertThat(key.profile()).as(key.toString()).startsWith("mips/");
        assertThat(explored.notApplicable()).contains("KSEG0");
        continue;
      }
      ExplorationResult result = explored.result().get();
      System.out.println(String.format("%-22s %-30s %-58s %10d %8d", key.strategy(), key.profile(),
          verdicts(result), result.executions(), result.states()));
      assertThat(result.complete()).as("%s explored to the end", key).isTrue();
      boolean mustFail = key.strategy().equals("embedded") && FAILING_PROFILES.contains(key.profile());
      if (mustFail) {
        assertThat(FAILURES).as("%s: a failure is reachable", key).anyMatch(result::reachable);
      } else {
        assertThat(result.verdict(Outcome.OK)).as("%s is proven safe: OK in every schedule", key)
            .isEqualTo(Frequency.ALWAYS);
        for (Outcome failure : FAILURES) {
          assertThat(result.verdict(failure)).as("%s: %s", key, failure).isEqualTo(Frequency.NEVER);
        }
      }
    }
    assertThat(cells).filteredOn(cell -> cell.key().profile().equals(X86))
        .allSatisfy(cell -> assertThat(cell.result().orElseThrow().verdict(Outcome.OK)).isEqualTo(Frequency.ALWAYS))
        .hasSize(STRATEGIES.size());
  }

  @Test
  void theEmbeddedBufferFailsWithAShortestScheduleThatReplaysToIt() {
    for (String profile : FAILING_PROFILES) {
      ExploredCells.Key key = new ExploredCells.Key("iostruct", "embedded", profile, DEFAULT_MACHINE, BOUNDS);
      ExplorationResult result = ExploredCells.explore(key).result().orElseThrow();
      for (Outcome failure : FAILURES) {
        if (!result.reachable(failure)) {
          continue;
        }
        Schedule schedule = result.shortestTo(failure).orElseThrow();
        assertThat(schedule.outcome()).isEqualTo(failure);
        assertThat(schedule.burstBytes()).isEqualTo(BOUNDS.burstBytes());
        assertThat(key.cell().replay(schedule, false).verdict().outcome()).as("%s %s replayed", key, failure)
            .isEqualTo(failure);
      }
    }
    // The 2002 story on ARMv7: the quiet schedule already corrupts (the CPU's own access to ifield
    // refills the shared line during the transfer; the unmap's clean+invalidate writes it back).
    ExplorationResult armv7 = ExploredCells.explore(
        new ExploredCells.Key("iostruct", "embedded", ARMV7, DEFAULT_MACHINE, BOUNDS)).result().orElseThrow();
    assertThat(armv7.shortestTo(Outcome.DMA_DATA_CORRUPTED).orElseThrow().nonQuiet()).isZero();
    // On r4k the map's Hit_Invalidate discards ifield with no help, and a spontaneous eviction
    // after the device wrote is one step from corrupting memory.
    ExplorationResult r4k = ExploredCells.explore(
        new ExploredCells.Key("iostruct", "embedded", R4K, DEFAULT_MACHINE, BOUNDS)).result().orElseThrow();
    assertThat(r4k.verdict(Outcome.OK)).isEqualTo(Frequency.NEVER);
    assertThat(r4k.shortestTo(Outcome.DMA_DATA_CORRUPTED).orElseThrow().nonQuiet()).isEqualTo(1);
    assertThat(r4k.shortestTo(Outcome.DMA_DATA_CORRUPTED).orElseThrow().choices())
        .filteredOn(choice -> choice.value() != 0)
        .extracting(choice -> choice.point().name()).containsExactly("SPONTANEOUS_EVICTION");
  }

  @Test
  void theStoryOfAShortestScheduleShowsWhatEachNonQuietAnswerDid() {
    ExploredCells.Key key = new ExploredCells.Key("iostruct", "embedded", R4K, DEFAULT_MACHINE, BOUNDS);
    ExplorationResult result = ExploredCells.explore(key).result().orElseThrow();
    String text = ExplorationText.render(key.cell(), result, List.of(), "./dmasim run ...");
    assertThat(text).contains("Explored " + result.executions() + " executions")
        .contains("distinct states").contains("transitions").contains("bounds: at most 1 spontaneous eviction")
        .contains("reductions: state merging (64-bit hashes")
        .containsPattern("OK\\s+Never")
        .containsPattern("DMA_DATA_CORRUPTED\\s+Sometimes")
        .contains("Shortest schedule to DMA_DATA_CORRUPTED: 1 non-quiet answer")
        .contains("SPONTANEOUS_EVICTION = 1 of 2: a line leaves the cache on its own")
        .contains("EVICTION ").contains("<<< DAMAGE: stale bytes written back over the device's data");
  }

  @Test
  void withoutLinux65BouncingTheSmallBufferFailsOnArm64Too() {
    List<ExploredCells.Key> keys = new ArrayList<>();
    for (String strategy : List.of("embedded", "cacheline-aligned", "separate-kmalloc", "dma-buffer-attribute")) {
      for (String profile : List.of(ARM64, ARM64_CWG128)) {
        keys.add(new ExploredCells.Key("iostruct", strategy, profile, WITHOUT_KMALLOC_BOUNCE, BOUNDS));
      }
    }
    for (ExploredCells.Explored explored : ExploredCells.exploreAll(keys)) {
      ExploredCells.Key key = explored.key();
      ExplorationResult result = explored.result().orElseThrow();
      System.out.println(String.format("without kmalloc bounce: %-22s %-30s %-58s %10d %8d", key.strategy(),
          key.profile(), verdicts(result), result.executions(), result.states()));
      assertThat(result.complete()).isTrue();
      boolean fails = switch (key.strategy()) {
        case "embedded", "separate-kmalloc" -> true;
        // ____cacheline_aligned is L1_CACHE_BYTES (64): short of the 128-byte writeback granule.
        case "cacheline-aligned" -> key.profile().equals(ARM64_CWG128);
        default -> false;
      };
      assertThat(result.reachable(Outcome.DMA_DATA_CORRUPTED)).as("%s corrupts", key).isEqualTo(fails);
      if (!fails) {
        assertThat(result.verdict(Outcome.OK)).as(key.toString()).isEqualTo(Frequency.ALWAYS);
      }
    }
  }

  static String verdicts(ExplorationResult result) {
    List<String> words = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      if (result.reachable(outcome)) {
        words.add(outcome.name().toLowerCase(Locale.ROOT) + " " + result.verdict(outcome).label()
            + (outcome == Outcome.OK ? "" : " (" + result.shortestTo(outcome).orElseThrow().nonQuiet() + ")"));
      }
    }
    return String.join(", ", words);
  }
}
