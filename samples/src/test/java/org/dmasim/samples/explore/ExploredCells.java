package org.dmasim.samples.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.dmasim.core.ChoiceRates;
import org.dmasim.core.MachineSettings;
import org.dmasim.core.ArchitectureRegistry;
import org.dmasim.core.config.MachineOverrides;
import org.dmasim.driver.api.DebugOptions;
import org.dmasim.samples.catalog.SampleCatalog;
import org.dmasim.samples.catalog.SampleInfo;

/**
 * Explorations the tests share: each cell is explored once per JVM (the iostruct test and the
 * sampling agreement test ask for the same cells), cells in parallel on every core.
 */
final class ExploredCells {
  static final ArchitectureRegistry REGISTRY = ArchitectureRegistry.discover();

  static final String X86 = "x86/x86-64";
  static final String ARMV7 = "arm-noncoherent/armv7";
  static final String ARM64 = "arm-noncoherent/arm64";
  static final String ARM64_CWG128 = "arm-noncoherent/arm64-cwg128";
  static final String ARM64_PRE_5_19 = "arm-noncoherent/arm64-pre5.19";
  static final String R4K = "mips/r4k";
  static final String R10000 = "mips/r10000";

  /** Every profile, coherent first. */
  static final List<String> ALL_PROFILES = List.of(X86, ARMV7, ARM64, ARM64_CWG128, ARM64_PRE_5_19, R4K, R10000);

  /** The profiles' own machines. */
  static final MachineOverrides DEFAULT_MACHINE = MachineOverrides.NONE;
  /** Linux 6.5's small-kmalloc bouncing off (non-coherent profiles). */
  static final MachineOverrides WITHOUT_KMALLOC_BOUNCE = new MachineOverrides(null, null, null, null, null, null, null,
      null, null, null, null, null, ChoiceRates.DEFAULT, MachineSettings.DEFAULT_DMA_BURST_BYTES, false);

  /** One cell with its machine and bounds. */
  record Key(String sample, String strategy, String profile, MachineOverrides machine, ExplorationBounds bounds) {
    SampleExploration cell() {
      String[] names = profile.split("/", 2);
      SampleInfo info = SampleCatalog.sample(sample);
      return new SampleExploration(REGISTRY, machine.apply(REGISTRY.profile(names[0], names[1]), 1, false), info,
          info.strategy(strategy), DebugOptions.ON);
    }
  }

  /** A cell's exploration, or why the strategy cannot run on the profile. */
  record Explored(Key key, Optional<ExplorationResult> result, String notApplicable) {}

  private static final ConcurrentHashMap<Key, FutureTask<Explored>> CACHE = new ConcurrentHashMap<>();

  private ExploredCells() {}

  /** The exploration of {@code key}, computed once. */
  static Explored explore(Key key) {
    FutureTask<Explored> task = new FutureTask<>(() -> {
      try {
        return new Explored(key, Optional.of(key.cell().explore(key.bounds())), null);
      } catch (UnsupportedOperationException cannotRun) {
        return new Explored(key, Optional.empty(), String.valueOf(cannotRun.getMessage()));
      }
    });
    FutureTask<Explored> known = CACHE.putIfAbsent(key, task);
    FutureTask<Explored> mine = known == null ? task : known;
    mine.run();
    try {
      return mine.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("exploring " + key + " failed", e.getCause());
    }
  }

  /** The explorations of {@code keys}, in order, computed on every core. */
  static List<Explored> exploreAll(List<Key> keys) {
    List<Callable<Explored>> tasks = new ArrayList<>();
    for (Key key : keys) {
      tasks.add(() -> explore(key));
    }
    return parallel(tasks);
  }

  /** Runs {@code tasks} on every core and returns their results in order. */
  static <T> List<T> parallel(List<Callable<T>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
