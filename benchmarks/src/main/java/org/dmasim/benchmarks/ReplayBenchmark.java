package org.dmasim.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dmasim.samples.replay.AccessType;
import org.dmasim.samples.replay.CacheSpec;
import org.dmasim.samples.replay.ReplayStatistics;
import org.dmasim.samples.replay.Replayer;
import org.dmasim.samples.replay.TraceFormat;
import org.dmasim.samples.replay.TraceReader;
import org.dmasim.samples.replay.TraceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hit-heavy trace replay through dmasim's cache (bytes carried in the lines), counted as
 * Dinero IV counts: one operation is one trace reference, so the score is references per
 * second. The references are generated once, in memory, so {@link #hitHeavy} measures the
 * simulator, not a file; {@link #hitHeavyFromDinText} adds parsing din text.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ReplayBenchmark {
  /** References per invocation. */
  static final int REFERENCES = 1 << 18;
  /** The L1 of the targets: 32 KiB, 64-byte lines, 8 ways, LRU, write-back, write-allocate. */
  static final String L1 = "32k:64:8:lru:wb:wa";

  private final AccessType[] types = new AccessType[REFERENCES];
  private final long[] addresses = new long[REFERENCES];
  private final int[] sizes = new int[REFERENCES];
  private byte[] hitHeavyDin;
  private Replayer hitHeavy;
  private Replayer fromText;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder din = new StringBuilder();
    // Hit-heavy: 4-byte references anywhere in a 16 KiB hot set, a quarter of them writes.
    for (int i = 0; i < REFERENCES; i++) {
      types[i] = random.nextInt(4) == 0 ? AccessType.WRITE : AccessType.READ;
      addresses[i] = 0x10_0000L + (random.nextInt(16 << 10) & ~3);
      sizes[i] = 4;
      din.append(types[i].code()).append(' ').append(Long.toHexString(addresses[i])).append('\n');
    }
    hitHeavyDin = din.toString().getBytes(StandardCharsets.US_ASCII);
    hitHeavy = new Replayer(CacheSpec.parse(L1), 1, false);
    fromText = new Replayer(CacheSpec.parse(L1), 1, false);
    hitHeavy();
    report("hit-heavy", hitHeavy.statistics());
  }

  static void report(String name, ReplayStatistics stats) {
    System.out.printf("%n%s: %d references, miss rate %.4f, %d bytes from memory, %d to memory%n", name,
        stats.totalFetches(), (double) stats.totalMisses() / stats.totalFetches(), stats.bytesFromMemory(),
        stats.bytesToMemory());
  }

  /** 16 KiB hot set in a 32 KiB 8-way L1: almost every reference hits. */
  @Benchmark
  @OperationsPerInvocation(REFERENCES)
  public long hitHeavy() {
    Replayer replayer = hitHeavy;
    for (int i = 0; i < REFERENCES; i++) {
      replayer.reference(types[i], addresses[i], sizes[i]);
    }
    return replayer.statistics().totalMisses() + replayer.loadedSum();
  }

  /** The hit-heavy trace as din text, parsed and replayed: what {@code cache-replay} does per reference. */
  @Benchmark
  @OperationsPerInvocation(REFERENCES)
  public long hitHeavyFromDinText() throws IOException {
    TraceReader reader = TraceReader.open(new ByteArrayInputStream(hitHeavyDin), TraceFormat.DIN, "hit-heavy.din");
    TraceRecord record = new TraceRecord();
    Replayer replayer = fromText;
    while (reader.next(record)) {
      replayer.replay(record);
    }
    return replayer.statistics().totalMisses() + replayer.loadedSum();
  }
}
