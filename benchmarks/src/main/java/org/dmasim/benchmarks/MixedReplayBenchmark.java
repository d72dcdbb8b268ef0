package org.dmasim.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dmasim.samples.replay.AccessType;
import org.dmasim.samples.replay.CacheSpec;
import org.dmasim.samples.replay.Replayer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mixed trace replay: every other reference streams through a region in 8-byte steps, the
 * others land anywhere in it; a quarter are writes; 32 KiB 8-way 64-byte L1, write-back,
 * write-allocate. Over 16 MiB (the target's trace) about 56% of references miss, and every
 * miss moves a line of real bytes from a random place in 16 MiB of simulated memory (and a
 * dirty victim back to another); the 1 MiB region keeps the same miss rate with the
 * simulated memory inside the host's L2, which shows what the host's memory costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MixedReplayBenchmark {
  static final int REFERENCES = 1 << 18;

  /** The region streamed through and hit at random, in MiB. */
  @Param({"16", "1"})
  int regionMiB;

  private final AccessType[] types = new AccessType[REFERENCES];
  private final long[] addresses = new long[REFERENCES];
  private final int[] sizes = new int[REFERENCES];
  private Replayer replayer;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    int region = regionMiB << 20;
    long stream = 0;
    for (int i = 0; i < REFERENCES; i++) {
      types[i] = random.nextInt(4) == 0 ? AccessType.WRITE : AccessType.READ;
      if (i % 2 == 0) {
        addresses[i] = stream;
        stream = (stream + 8) & (region - 1);
      } else {
        addresses[i] = random.nextInt(region) & ~7;
      }
      sizes[i] = 8;
    }
    replayer = new Replayer(CacheSpec.parse(ReplayBenchmark.L1), 1, false);
    mixed();
    ReplayBenchmark.report("mixed over " + regionMiB + " MiB", replayer.statistics());
  }

  @Benchmark
  @OperationsPerInvocation(REFERENCES)
  public long mixed() {
    Replayer replay = replayer;
    for (int i = 0; i < REFERENCES; i++) {
      replay.reference(types[i], addresses[i], sizes[i]);
    }
    return replay.statistics().totalMisses() + replay.loadedSum();
  }
}
